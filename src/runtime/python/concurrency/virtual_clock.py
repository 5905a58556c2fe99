"""A virtual clock, and the `time` functions patched to read it while a simulation runs.

Simulated time moves only when code asks it to: `time.sleep`, `simulate.slow_io`,
`simulate.cpu_work` (and the event loop when every task is waiting). Nothing real is
measured, so a run gives the same numbers on every machine. The real time the host
spends is measured apart, with the unpatched `time.process_time`.
"""

import time

# time.time() must look like a wall clock (a Date header, a log line), so virtual second 0
# is a fixed moment: 2026-01-01 00:00:00 UTC. Fixed, so Date headers are the same on every run.
EPOCH = 1767225600.0

_REAL = {name: getattr(time, name) for name in (
    "sleep", "time", "monotonic", "perf_counter", "time_ns", "monotonic_ns", "perf_counter_ns")}
real_process_time = time.process_time


class WorkerTimeout(BaseException):
    """Raised inside a request whose worker the master kills (gunicorn's worker timeout).

    A BaseException, like the SIGABRT it stands for, so `except Exception` in the reader's
    code does not swallow it.
    """


class VirtualClock:
    """Virtual seconds since the start of a simulation, and what each blocking call did to them."""

    def __init__(self, now=0.0):
        self.now = float(now)
        self.segments = []      # blocking calls of the current request: see block()
        self.deadline = None    # virtual time at which the current request is killed, if any
        self.timed_out = False  # the deadline was hit (stays set even if the reader's code
                                # swallows the WorkerTimeout with a bare except)

    def block(self, seconds, kind, call):
        """Hold the caller for `seconds` virtual seconds, recording what held it."""
        if not isinstance(seconds, (int, float)):
            raise TypeError(f"{call.split('(')[0]}() needs a number of seconds, got {type(seconds).__name__}")
        if seconds != seconds:
            raise ValueError("Invalid value NaN (not a number)")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if seconds == float("inf"):
            raise OverflowError("sleep length is too large")
        start = self.now
        end = start + seconds
        if self.deadline is not None and end > self.deadline:
            end = max(start, self.deadline)
            self.now = end
            self.record({"kind": kind, "call": call, "start": start, "end": end})
            self.timed_out = True
            raise WorkerTimeout(f"killed at the worker timeout, {self.deadline:g} s")
        self.now = end
        if seconds:
            self.record({"kind": kind, "call": call, "start": start, "end": end})

    def record(self, segment):
        """Keep a segment of time spent in a call; the event loop replaces this per task."""
        self.segments.append(segment)

    def take_segments(self):
        """Return the segments recorded so far and start a new list."""
        taken, self.segments = self.segments, []
        return taken


_active = None


def active_clock():
    """The clock of the running simulation, or None outside one."""
    return _active


def _fake(name, read):
    # A module first imported during a simulation may keep these functions
    # (`from time import monotonic`), so outside a simulation they answer as the real ones.
    real = _REAL[name]

    def fake(*args):
        return read(_active, *args) if _active is not None else real(*args)
    fake.__name__ = name
    fake.__qualname__ = name
    fake.__doc__ = real.__doc__
    return fake


_FAKES = {
    "sleep": _fake("sleep", lambda c, s: c.block(s, "sleep", f"time.sleep({s!r})")),
    "time": _fake("time", lambda c: EPOCH + c.now),
    "monotonic": _fake("monotonic", lambda c: c.now),
    "perf_counter": _fake("perf_counter", lambda c: c.now),
    "time_ns": _fake("time_ns", lambda c: int(round((EPOCH + c.now) * 1e9))),
    "monotonic_ns": _fake("monotonic_ns", lambda c: int(round(c.now * 1e9))),
    "perf_counter_ns": _fake("perf_counter_ns", lambda c: int(round(c.now * 1e9))),
}


class virtual_time:
    """Context manager: while inside, the `time` functions read `clock` instead of the host."""

    def __init__(self, clock):
        self.clock = clock

    def __enter__(self):
        global _active
        if _active is not None:
            raise RuntimeError("a simulation is already running: simulations do not nest")
        _active = self.clock
        for name, fake in _FAKES.items():
            setattr(time, name, fake)
        return self.clock

    def __exit__(self, *exc):
        global _active
        for name, real in _REAL.items():
            setattr(time, name, real)
        _active = None
        return False
