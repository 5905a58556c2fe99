"""asyncio.run() for a reader's script in the browser: on the simulator's loop, in virtual time.

Pyodide's own event loop hands control back to the browser between steps, so a synchronous
script cannot run it to the end (asyncio.run raises there). While a script runs, asyncio.run is
replaced by one that runs the coroutine on a fresh VirtualEventLoop: awaits that wait (a sleep,
slow_io_async) move a virtual clock instead of taking real seconds, and time.* reads that clock,
so a script prints what CPython would print, without the waiting.
"""

import asyncio
import contextlib

from .asgi_loop import VirtualEventLoop, run_detached
from .virtual_clock import VirtualClock, virtual_time


def run_on_virtual_time(main, *, debug=None):
    """Run coroutine `main` to its end on a new virtual-time loop and return its result."""
    clock = VirtualClock()
    loop = VirtualEventLoop(clock)
    with virtual_time(clock):
        try:
            return run_detached(loop, main)
        finally:
            loop.close()


@contextlib.contextmanager
def asyncio_run_on_virtual_time():
    """While inside, asyncio.run is run_on_virtual_time."""
    real = asyncio.run
    asyncio.run = run_on_virtual_time
    try:
        yield
    finally:
        asyncio.run = real
