"""Helpers for the reader's code: stand-ins for slow work, measured in virtual time.

Readers import them as `from simulate import slow_io, cpu_work, slow_io_async` (the
package registers this module under the top-level name `simulate`). Inside a simulation
they move the virtual clock; outside one they really wait, so the same file still
behaves sensibly under gunicorn or uvicorn.
"""

import asyncio
import time

from .virtual_clock import _REAL, active_clock


def slow_io(seconds):
    """Wait `seconds` for a database or API call, blocking the caller (like a sync driver)."""
    clock = active_clock()
    if clock is None:
        _REAL["sleep"](seconds)
        return
    clock.block(seconds, "io", f"slow_io({seconds!r})")


def cpu_work(seconds):
    """Compute for `seconds`: the caller is busy, and so is the event loop if it runs there."""
    clock = active_clock()
    if clock is None:
        # Outside a simulation, really keep the CPU busy for that long.
        end = _REAL["perf_counter"]() + seconds
        while _REAL["perf_counter"]() < end:
            pass
        return
    clock.block(seconds, "cpu", f"cpu_work({seconds!r})")


async def slow_io_async(seconds):
    """Await `seconds` of I/O the async way: other tasks run meanwhile (like an async driver)."""
    clock = active_clock()
    start = time.monotonic()
    await asyncio.sleep(seconds)
    if clock is not None and seconds > 0:
        clock.record({"kind": "await_io", "call": f"await slow_io_async({seconds!r})",
                      "start": start, "end": time.monotonic()})
