/**
 * A run's life, made explicit: its phases, the events that move it from one to the next, and what each
 * transition does. `RunLifecycle.handle` is the one place a run changes phase; the client (client.ts)
 * only turns what happens (a reply, a timer, the reader's Stop) into events and carries out the
 * driver's actions. Unit-tested phase by phase in tests/unit/runtime-client-lifecycle.test.ts.
 *
 *   queued ──send──▶ sent ──started──▶ running ──reply──▶ result | crashed
 *     │               │                   │
 *     stop            stop                stop ──(cannot interrupt)──▶ stopped (worker replaced)
 *     ▼               ▼                   ▼
 *   stopped        stopping ──started──▶ interrupting ──interrupted──▶ reporting ──reply──▶ stopped
 *                                          │ grace-over                   │ report-deadline
 *                                          ▼                              ▼
 *                                        stopped (worker replaced)      stopped (worker replaced)
 *
 * After a terminal phase (result, stopped, crashed) the client goes back to standby (client.ts settle()).
 */
import type { RunResult } from './protocol.ts';
import type { FinalReply } from './worker-slot.ts';
import { crashNotice, stopNotice, type StopReason } from './stop-notices.ts';

export type RunPhase =
  /** Waiting its turn, then for a clean worker that has its files. */
  | 'queued'
  /** The message is with the worker, which has not begun it yet. */
  | 'sent'
  /** The worker began the run: its time limit runs. */
  | 'running'
  /** A stop came before the worker began: an interrupt sent now would be cleared, so it waits for `started`. */
  | 'stopping'
  /** KeyboardInterrupt was raised in Python, which has the grace period to acknowledge it. */
  | 'interrupting'
  /** Python caught the interrupt; its result (a deep traceback on a busy machine) may take a while. */
  | 'reporting'
  /** Terminal: the worker's own result. */
  | 'result'
  /** Terminal: stopped (time limit or the reader), with what Python reported or, if it had to be replaced, the output so far. */
  | 'stopped'
  /** Terminal: the worker died or failed; it was replaced. */
  | 'crashed';

export type RunEvent =
  | { type: 'send' }
  | { type: 'started' }
  | { type: 'stop'; reason: StopReason }
  | { type: 'interrupted' }
  /** The worker's final reply to the run; null when the worker is gone. */
  | { type: 'reply'; reply: FinalReply | null }
  | { type: 'grace-over' }
  | { type: 'report-deadline' };

/** What a transition may ask of the client: the run's worker, its timers, and the end of the run. */
export interface RunDriver {
  /** Start the run's time limit; when it passes, the client sends `stop` with reason `time-limit`. */
  armTimeLimit(): void;
  /** Raise KeyboardInterrupt in the worker's Python; false when it cannot be interrupted. */
  interrupt(): boolean;
  /** Whether the worker could be interrupted at all (a stop's notice says why Python was restarted). */
  readonly interruptible: boolean;
  /** In `interruptGraceMs`, send `grace-over`. */
  startGrace(): void;
  /** In REPORT_AFTER_INTERRUPT_MS, send `report-deadline`. */
  startReportDeadline(): void;
  /** Terminate the run's worker; the standby (or a fresh worker) takes over with the reader's files. */
  replaceWorker(): void;
  /** The run ran out of memory (WebAssembly memory never shrinks): hand over to a loaded standby, if any. */
  retireAfterMemoryError(): void;
  /** The run is over with `result`: clear its timers, tell listeners about its notice. */
  finish(result: RunResult): void;
}

const TERMINAL: ReadonlySet<RunPhase> = new Set(['result', 'stopped', 'crashed']);

export class RunLifecycle {
  private phaseValue: RunPhase = 'queued';
  private reason: StopReason = 'cancelled';
  private sentAt: number;
  private resolve: (result: RunResult) => void = () => {};
  /** Resolves once, when the run reaches a terminal phase. */
  readonly result: Promise<RunResult>;
  /** The run's live output so far: what a stopped run reports when Python could not. */
  readonly output: { stdout: string[]; stderr: string[] } = { stdout: [], stderr: [] };

  private readonly driver: RunDriver;
  private readonly limitMs: number;
  private readonly now: () => number;

  // Fields assigned by hand, not parameter properties: Node runs these files with its type stripping.
  constructor(driver: RunDriver, limitMs: number, now: () => number = () => performance.now()) {
    this.driver = driver;
    this.limitMs = limitMs;
    this.now = now;
    this.sentAt = now();
    this.result = new Promise((resolve) => { this.resolve = resolve; });
  }

  get phase(): RunPhase { return this.phaseValue; }

  get done(): boolean { return TERMINAL.has(this.phaseValue); }

  /** Apply one event: the only place a run changes phase. Returns false when the event does not apply
   * to the current phase (a late reply after a stop ended the run, a second stop): it is then ignored. */
  handle(event: RunEvent): boolean {
    switch (this.phaseValue) {
      case 'queued':
        if (event.type === 'send') { this.sentAt = this.now(); return this.to('sent'); }
        if (event.type === 'stop') {
          const notice = { ...stopNotice('cancelled', 'interrupted', 0), message: 'Stopped before it started.' };
          return this.end('stopped', this.partial(notice));
        }
        return false;
      case 'sent':
        if (event.type === 'started') { this.driver.armTimeLimit(); return this.to('running'); }
        if (event.type === 'reply') return this.replied(event.reply);
        if (event.type === 'stop') { this.reason = event.reason; return this.to('stopping'); }
        return false;
      case 'running':
        if (event.type === 'reply') return this.replied(event.reply);
        if (event.type === 'stop') { this.reason = event.reason; return this.interrupt(); }
        return false;
      case 'stopping':
        if (event.type === 'started') return this.interrupt();
        // It finished before it began to be stopped: its own result, as if no stop had come.
        if (event.type === 'reply') return event.reply?.type === 'result' ? this.end('result', event.reply.result) : this.restart();
        return false;
      case 'interrupting':
        if (event.type === 'interrupted') { this.driver.startReportDeadline(); return this.to('reporting'); }
        if (event.type === 'reply') return this.late(event.reply);
        if (event.type === 'grace-over') return this.restart();
        return false;
      case 'reporting':
        if (event.type === 'reply') return this.late(event.reply);
        if (event.type === 'report-deadline') return this.restart();
        return false;
      default:
        return false;
    }
  }

  private to(phase: RunPhase): true {
    this.phaseValue = phase;
    return true;
  }

  private end(phase: 'result' | 'stopped' | 'crashed', result: RunResult): true {
    this.phaseValue = phase;
    this.driver.finish(result);
    this.resolve(result);
    return true;
  }

  /** The worker's reply to a run nobody stopped. */
  private replied(reply: FinalReply | null): true {
    if (reply?.type === 'result') {
      if (reply.result.notice?.kind === 'memory') this.driver.retireAfterMemoryError();
      return this.end('result', reply.result);
    }
    this.driver.replaceWorker();
    return this.end('crashed', this.partial(crashNotice(reply?.type === 'failed' ? reply.message : 'the worker stopped unexpectedly')));
  }

  private interrupt(): true {
    if (!this.driver.interrupt()) return this.restart();
    this.driver.startGrace();
    return this.to('interrupting');
  }

  /** The reply of an interrupted run: Python's own result with the stop's notice, else a restart. */
  private late(reply: FinalReply | null): true {
    if (reply?.type !== 'result') return this.restart();
    const { stdout, stderr } = reply.result;
    return this.end('stopped', {
      ...reply.result, notice: stopNotice(this.reason, 'interrupted', this.limitMs),
      stdout: stdout || this.output.stdout.join(''), stderr: stderr || this.output.stderr.join(''),
    });
  }

  /** Python did not stop (or cannot be interrupted): its worker is replaced. */
  private restart(): true {
    this.driver.replaceWorker();
    return this.end('stopped', this.partial(stopNotice(this.reason, this.driver.interruptible ? 'restarted' : 'no-isolation', this.limitMs)));
  }

  /** A result made here, from the output the run streamed before it ended. */
  private partial(notice: RunResult['notice']): RunResult {
    return {
      server: null, exception: null, notice, elapsedMs: this.now() - this.sentAt,
      stdout: this.output.stdout.join(''), stderr: this.output.stderr.join(''),
    };
  }
}
