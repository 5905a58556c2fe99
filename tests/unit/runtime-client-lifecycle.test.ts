import { describe, expect, it } from 'vitest';
import { RunLifecycle, type RunDriver, type RunEvent, type RunPhase } from '../../src/runtime/run-lifecycle.ts';
import { fakeResult } from '../../src/runtime/fake-worker.ts';
import type { RunResult } from '../../src/runtime/protocol.ts';

// A run's life (src/runtime/run-lifecycle.ts), transition by transition, with a driver that records
// what each transition asked of the client. The client against scripted workers: runtime-client.test.ts.

interface Recorded { actions: string[]; finished: RunResult[] }

function lifecycle(opts: { canInterrupt?: boolean; interruptible?: boolean } = {}): { run: RunLifecycle } & Recorded {
  const rec: Recorded = { actions: [], finished: [] };
  const driver: RunDriver = {
    armTimeLimit: () => rec.actions.push('arm-time-limit'),
    interrupt: () => { rec.actions.push('interrupt'); return opts.canInterrupt ?? true; },
    get interruptible() { return opts.interruptible ?? opts.canInterrupt ?? true; },
    startGrace: () => rec.actions.push('start-grace'),
    startReportDeadline: () => rec.actions.push('start-report-deadline'),
    replaceWorker: () => rec.actions.push('replace-worker'),
    retireAfterMemoryError: () => rec.actions.push('retire-after-memory-error'),
    finish: (result) => { rec.actions.push('finish'); rec.finished.push(result); },
  };
  let clock = 1000;
  const run = new RunLifecycle(driver, 3000, () => (clock += 10));
  return { run, ...rec };
}

const result = (fields: Partial<RunResult> = {}): RunEvent => ({ type: 'reply', reply: { type: 'result', id: 1, result: fakeResult(fields) } });
const failed: RunEvent = { type: 'reply', reply: { type: 'failed', id: 1, message: 'RangeError: out of memory', fatal: true } };
const gone: RunEvent = { type: 'reply', reply: null };
const timeLimit: RunEvent = { type: 'stop', reason: 'time-limit' };
const cancel: RunEvent = { type: 'stop', reason: 'cancelled' };

/** Apply `events` in order; the phases after each. */
function walk(run: RunLifecycle, events: RunEvent[]): RunPhase[] {
  return events.map((event) => { run.handle(event); return run.phase; });
}

describe('a run that ends by itself', () => {
  it('queued → sent → running → result: the time limit starts when the worker begins, the result is the worker’s', async () => {
    const { run, actions, finished } = lifecycle();
    expect(run.phase).toBe('queued');
    expect(walk(run, [{ type: 'send' }, { type: 'started' }, result({ stdout: 'hi\n' })])).toEqual(['sent', 'running', 'result']);
    expect(actions).toEqual(['arm-time-limit', 'finish']);
    expect((await run.result).stdout).toBe('hi\n');
    expect(finished).toHaveLength(1);
    expect(run.done).toBe(true);
  });

  it('a result before `started` (a fast run) is the result too', () => {
    const { run, actions } = lifecycle();
    expect(walk(run, [{ type: 'send' }, result()])).toEqual(['sent', 'result']);
    expect(actions).toEqual(['finish']);
  });

  it('a memory error hands over to the standby, and is still the result', () => {
    const { run, actions } = lifecycle();
    walk(run, [{ type: 'send' }, { type: 'started' }, result({ notice: { kind: 'memory', message: 'MemoryError', restarted: false } })]);
    expect(run.phase).toBe('result');
    expect(actions).toEqual(['arm-time-limit', 'retire-after-memory-error', 'finish']);
  });

  it('running → crashed when the worker fails or dies: replaced, with the output so far', async () => {
    for (const [event, detail] of [[failed, 'RangeError: out of memory'], [gone, 'the worker stopped unexpectedly']] as const) {
      const { run, actions } = lifecycle();
      walk(run, [{ type: 'send' }, { type: 'started' }]);
      run.output.stdout.push('before the crash\n');
      run.handle(event);
      expect(run.phase).toBe('crashed');
      expect(actions).toEqual(['arm-time-limit', 'replace-worker', 'finish']);
      const r = await run.result;
      expect(r.notice).toMatchObject({ kind: 'crash', restarted: true });
      expect(r.notice?.message).toContain(detail);
      expect(r.stdout).toBe('before the crash\n');
    }
  });
});

describe('a run that is stopped', () => {
  it('queued → stopped when cancelled before it was sent; nothing is asked of the worker', async () => {
    const { run, actions } = lifecycle();
    expect(walk(run, [cancel])).toEqual(['stopped']);
    expect(actions).toEqual(['finish']);
    expect((await run.result).notice).toMatchObject({ kind: 'cancelled', restarted: false, message: 'Stopped before it started.' });
    expect(run.handle({ type: 'send' }), 'a finished run is never sent').toBe(false);
  });

  it('running → interrupting → reporting → stopped: Python’s own result, with the stop’s notice', async () => {
    const { run, actions } = lifecycle();
    run.output.stdout.push('streamed\n');
    expect(walk(run, [{ type: 'send' }, { type: 'started' }, timeLimit, { type: 'interrupted' }, result({ stderr: 'KeyboardInterrupt\n' })]))
      .toEqual(['sent', 'running', 'interrupting', 'reporting', 'stopped']);
    expect(actions).toEqual(['arm-time-limit', 'interrupt', 'start-grace', 'start-report-deadline', 'finish']);
    const r = await run.result;
    expect(r.notice).toMatchObject({ kind: 'time-limit', restarted: false });
    expect(r.notice?.message).toMatch(/longer than 3 s.*KeyboardInterrupt/);
    expect(r.stderr).toBe('KeyboardInterrupt\n');
    expect(r.stdout, 'Python reported no stdout: the streamed output is kept').toBe('streamed\n');
  });

  it('a result inside the grace period, without an acknowledgement, is taken too', () => {
    const { run } = lifecycle();
    expect(walk(run, [{ type: 'send' }, { type: 'started' }, cancel, result()])).toEqual(['sent', 'running', 'interrupting', 'stopped']);
  });

  it('interrupting → stopped with the worker replaced when the grace period passes unacknowledged', async () => {
    const { run, actions } = lifecycle();
    expect(walk(run, [{ type: 'send' }, { type: 'started' }, cancel, { type: 'grace-over' }])).toEqual(['sent', 'running', 'interrupting', 'stopped']);
    expect(actions.slice(-2)).toEqual(['replace-worker', 'finish']);
    expect((await run.result).notice).toMatchObject({ kind: 'cancelled', restarted: true });
    expect((await run.result).notice?.message).toMatch(/did not stop when interrupted/);
  });

  it('reporting → stopped with the worker replaced when the report never comes, or the worker dies', () => {
    for (const last of [{ type: 'report-deadline' } as RunEvent, gone, failed]) {
      const { run, actions } = lifecycle();
      walk(run, [{ type: 'send' }, { type: 'started' }, timeLimit, { type: 'interrupted' }, last]);
      expect(run.phase).toBe('stopped');
      expect(actions.slice(-2)).toEqual(['replace-worker', 'finish']);
    }
  });

  it('running → stopped at once, worker replaced, when Python cannot be interrupted (no isolation)', async () => {
    const { run, actions } = lifecycle({ canInterrupt: false, interruptible: false });
    expect(walk(run, [{ type: 'send' }, { type: 'started' }, timeLimit])).toEqual(['sent', 'running', 'stopped']);
    expect(actions).toEqual(['arm-time-limit', 'interrupt', 'replace-worker', 'finish']);
    expect((await run.result).notice?.message).toMatch(/cannot interrupt Python/);
  });

  it('sent → stopping: a stop before the worker began waits for `started`, then interrupts', () => {
    const { run, actions } = lifecycle();
    expect(walk(run, [{ type: 'send' }, cancel])).toEqual(['sent', 'stopping']);
    expect(actions, 'no interrupt yet: the worker would clear it when it begins').toEqual([]);
    expect(walk(run, [{ type: 'started' }])).toEqual(['interrupting']);
    expect(actions).toEqual(['interrupt', 'start-grace']);
  });

  it('stopping → result when the run finishes before it began to be stopped; → stopped when its worker dies', async () => {
    const a = lifecycle();
    walk(a.run, [{ type: 'send' }, cancel, result({ stdout: 'done\n' })]);
    expect(a.run.phase).toBe('result');
    expect((await a.run.result).notice).toBeNull();
    const b = lifecycle();
    walk(b.run, [{ type: 'send' }, cancel, gone]);
    expect(b.run.phase).toBe('stopped');
    expect(b.actions).toEqual(['replace-worker', 'finish']);
  });
});

describe('events that do not apply', () => {
  it('are ignored: a second stop, a late reply, a late timer, `interrupted` while running', () => {
    const { run, actions } = lifecycle();
    walk(run, [{ type: 'send' }, { type: 'started' }]);
    expect(run.handle({ type: 'interrupted' })).toBe(false);
    expect(run.handle({ type: 'grace-over' })).toBe(false);
    run.handle(timeLimit);
    expect(run.handle(cancel), 'a second stop changes nothing').toBe(false);
    run.handle({ type: 'grace-over' });
    expect(run.phase).toBe('stopped');
    for (const late of [result(), gone, { type: 'report-deadline' } as RunEvent, { type: 'started' } as RunEvent]) {
      expect(run.handle(late)).toBe(false);
    }
    expect(actions.filter((a) => a === 'finish'), 'a run finishes once').toHaveLength(1);
  });
});
