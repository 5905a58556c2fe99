"""An asyncio event loop that runs on the virtual clock, with a selector that never blocks.

asyncio's BaseEventLoop does all scheduling itself and asks its selector only one
question per turn: "wait up to `timeout` for I/O". There is no I/O here, so the fake
selector answers by moving the virtual clock forward to the next timer. A blocking
call inside a task (time.sleep, slow_io, cpu_work) moves the same clock while the loop
cannot turn: everything else is late by exactly that much, which is the point.
Pyodide's own loop hands control to the browser and cannot be driven to completion
from synchronous code; this one can, on CPython and Pyodide alike, without threads.
"""

import asyncio
import asyncio.base_events as base_events


class LoopWouldHang(Exception):
    """The loop cannot finish: `rule` says why (an asgi_rules id), the message says where."""

    def __init__(self, rule, message):
        super().__init__(message)
        self.rule = rule


class _FakeSelector:
    def __init__(self, loop, clock):
        self._loop = loop
        self._clock = clock

    def select(self, timeout=None):
        if timeout is None:
            raise LoopWouldHang("never-finished", "every task is waiting for something that never happens")
        if timeout > 0:
            target = self._clock.now + timeout
            scheduled = self._loop._scheduled
            # Jump exactly to the next timer: now + (when - now) can miss `when` by a rounding
            # error, and the loop would then spin without ever firing it.
            if scheduled and scheduled[0]._when <= target + 1e-9:
                target = max(self._clock.now, scheduled[0]._when)
            self._clock.now = target
        return []

    def close(self):
        pass


# Turns in a row at one virtual instant before the loop is declared stuck
# (`while True: await asyncio.sleep(0)` never lets time pass, so no horizon would catch it).
MAX_TURNS_AT_ONE_INSTANT = 200_000


class VirtualEventLoop(base_events.BaseEventLoop):
    """An event loop whose time() is the virtual clock; run it with run_until_complete()."""

    def __init__(self, clock, horizon=None):
        super().__init__()
        self._clock = clock
        self._selector = _FakeSelector(self, clock)
        self._horizon = horizon
        # The host clock's resolution differs between CPython and Pyodide; timers must fire
        # at the same virtual instant everywhere.
        self._clock_resolution = 1e-9
        self._turns = 0
        self._turns_at = None

    def time(self):
        """The loop's clock: virtual seconds."""
        return self._clock.now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        # Only call_soon_threadsafe() uses this, to wake a blocked select(); select never blocks.
        pass

    def _run_once(self):
        now = self._clock.now
        if self._horizon is not None and now > self._horizon:
            raise LoopWouldHang("ran-past-end", f"still running at the end of the simulation ({self._horizon:g} s)")
        self._turns = self._turns + 1 if now == self._turns_at else 0
        self._turns_at = now
        if self._turns > MAX_TURNS_AT_ONE_INSTANT:
            raise LoopWouldHang("starved-loop", f"tasks kept the loop busy at {now:g} s without ever letting time pass")
        super()._run_once()

    def run_in_executor(self, executor, func, *args):
        """Refused: threads would run outside virtual time (and Pyodide has none)."""
        raise RuntimeError(
            "run_in_executor() and asyncio.to_thread() need threads, which this simulated event "
            "loop does not have: the work would happen outside virtual time. Here, wait with "
            "`await asyncio.sleep(seconds)`, or call the blocking function directly to see it "
            "block the loop. On a real server such as uvicorn, to_thread works.")

    def run_until_complete(self, future):
        """As asyncio's, with the stuck-loop counter starting afresh."""
        self._turns_at = None
        return super().run_until_complete(future)

    def close(self):
        """Close the loop and its fake selector."""
        super().close()
        self._selector.close()


def run_detached(loop, coro):
    """Run `coro` to completion on `loop`, even when called from inside another running loop.

    Pyodide code can be called from a coroutine running on the browser's loop, and asyncio
    refuses to run a loop while another one is marked running in the thread, or to enter a
    task while another task is current (Python 3.12+ keeps one current task per thread).
    Both marks are set aside for the duration and restored afterwards.
    """
    outer = asyncio._get_running_loop()
    swap = getattr(asyncio.tasks, "_swap_current_task", None)   # 3.12+
    outer_task = swap(outer, None) if outer is not None and swap is not None else None
    asyncio._set_running_loop(None)
    try:
        return loop.run_until_complete(coro)
    finally:
        asyncio._set_running_loop(outer)
        if outer is not None and swap is not None:
            swap(outer, outer_task)
