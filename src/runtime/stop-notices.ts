/** What the reader is told when the runtime stops a run or replaces Python. */
import type { Notice } from './protocol.ts';

export type StopReason = 'time-limit' | 'cancelled';

function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** The notice for a run stopped for `reason`; `how` says whether Python was interrupted or restarted. */
export function stopNotice(reason: StopReason, how: 'interrupted' | 'restarted' | 'no-isolation', limitMs: number): Notice {
  const what = reason === 'time-limit'
    ? `Time limit: the run took longer than ${secondsText(limitMs)} and was stopped.`
    : 'Stopped: you stopped the run.';
  const hint = reason === 'time-limit' ? ' Look for a loop that never ends, or raise the time limit.' : '';
  if (how === 'interrupted') {
    return { kind: reason, restarted: false, message: `${what} Python raised KeyboardInterrupt in your code.${hint}` };
  }
  const why = how === 'restarted'
    ? 'It did not stop when interrupted (busy inside a built-in such as sum(range(...)), or a bare `except:` caught the KeyboardInterrupt)'
    : 'This page cannot interrupt Python (it is served without cross-origin isolation)';
  return { kind: reason, restarted: true, message: `${what} ${why}, so Python was restarted and your files were reloaded.${hint}` };
}

/** The notice for a worker that died by itself (for example out of memory inside WebAssembly). */
export function crashNotice(detail: string): Notice {
  return {
    kind: 'crash', restarted: true,
    message: `Python crashed (${detail}), so it was restarted and your files were reloaded. `
      + 'This usually means the code used far too much memory or recursed very deeply.',
  };
}

/** The notice for a worker that stopped answering between runs (its code closed it, for example with js.close()). */
export function unresponsiveNotice(): Notice {
  return {
    kind: 'crash', restarted: true,
    message: 'Python stopped answering after the last run (its code may have closed its worker, for example with js.close()), '
      + 'so it was restarted and your files were reloaded.',
  };
}
