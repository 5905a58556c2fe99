"""The ASGI server: one event loop on the virtual clock serving a whole workload.

Each request arrives at its time (a timer on the loop), becomes a task running the
app, and finishes when the app returns. While a task is inside a blocking call the
clock moves and nothing else runs, so requests arriving meanwhile start late and
waiting ones resume late: the stall shows in every number.
"""

import asyncio
import http
import inspect
import sys

from .asgi_cycle import Cycle
from .asgi_websocket import WebSocketCycle
from .asgi_loop import LoopWouldHang, VirtualEventLoop, run_detached
from .asgi_rules import violation
from .records import error_from, new_record

BLOCKING = ("sleep", "io", "cpu")


class _Output:
    """sys.stdout/stderr during a run: text goes to the record of the task that printed it."""

    def __init__(self, server):
        self.server = server

    def write(self, text):
        rec = self.server.current_record()
        target = rec if rec is not None else self.server.startup
        target["stdout"] += text
        return len(text)

    def flush(self):
        pass


class AsgiServer:
    """Serves requests to `app` on a fresh VirtualEventLoop; serve() returns the records."""

    def __init__(self, app, clock, app_dir, body_chunk=65536, horizon=None, messages=False):
        self.app = app
        self.app_dir = app_dir
        self.clock = clock
        self.body_chunk = body_chunk
        self.horizon = horizon
        self.messages = messages          # log each body message's text too (for showing them)
        self.records = []
        self.blocked = []                 # the loop's stalls: blocking calls made inside tasks
        self.startup = {"stdout": ""}     # output printed outside any request
        self.loop_errors = []
        self._by_task = {}
        self.loop = None

    def current_record(self):
        """The record of the request whose task is running now, if any."""
        task = asyncio.current_task(self.loop) if self.loop is not None else None
        return self._by_task.get(task)

    def _record_segment(self, segment):
        rec = self.current_record()
        if rec is not None:
            rec["segments"].append(segment)
        if segment["kind"] in BLOCKING:
            self.blocked.append({**segment, "request": rec["id"] if rec else None})
            if rec is not None and not rec["warnings"]:
                rec["warnings"].append(violation("blocking-call", (
                    f"{segment['call']} blocked the event loop for {segment['end'] - segment['start']:g} s: "
                    "no other request could run meanwhile")))

    def serve(self, requests):
        """Run every request to completion (or to the horizon) and return their records."""
        self.loop = VirtualEventLoop(self.clock, self.horizon)
        self.loop.set_exception_handler(self._loop_error)
        self.clock.record = self._record_segment
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = _Output(self)
        try:
            run_detached(self.loop, self._main(requests))
        except LoopWouldHang as exc:
            self._give_up(exc.rule, str(exc))
        finally:
            try:
                self._close()            # cancelled tasks may still print or sleep: keep capturing
            finally:
                sys.stdout, sys.stderr = saved
                del self.clock.record    # back to the clock's own method
        if len(self.records) < len(requests):
            raise RuntimeError("simulator error, the workload never started: " + "; ".join(self.loop_errors))
        return self.records

    def _loop_error(self, loop, context):
        # What asyncio would log: an exception nobody retrieved, a callback that failed.
        exc = context.get("exception")
        text = context.get("message", "")
        self.loop_errors.append(f"{text}: {type(exc).__name__}: {exc}" if exc is not None else text)

    async def _main(self, requests):
        self.all_done = self.loop.create_future()
        self.pending = len(requests)
        for index, request in enumerate(requests):
            rec = new_record(request)
            self.records.append(rec)
            cycle = (WebSocketCycle(self.loop, request, index) if request.get("websocket") is not None
                     else Cycle(self.loop, request, index, self.body_chunk, self.messages))
            self.loop.call_at(request["at"], self._arrive, rec, cycle)
        await self.all_done

    def _arrive(self, rec, cycle):
        task = self.loop.create_task(self._handle(rec, cycle))
        self._by_task[task] = rec
        rec["cycle"] = cycle

    async def _handle(self, rec, cycle):
        rec["start"] = self.loop.time()
        try:
            await self._call_app(rec, cycle)
        finally:
            if rec["end"] is None:
                rec["end"] = self.loop.time()
            self._settle(rec, cycle)
            self.pending -= 1
            if self.pending == 0 and not self.all_done.done():
                self.all_done.set_result(None)

    async def _call_app(self, rec, cycle):
        if _looks_like_wsgi(self.app):
            cycle.flag("wsgi-app", "the app takes two arguments (environ, start_response)")
            cycle.internal_error()
            return
        try:
            result = self.app(cycle.scope, cycle.receive, cycle.send)
            if not inspect.isawaitable(result):
                cycle.flag("not-async", f"the app returned {type(result).__name__}, not a coroutine")
                cycle.internal_error()
                return
            result = await result
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            rec["error"] = error_from(exc, app_dir=self.app_dir)
            if getattr(cycle, "websocket", False):
                cycle.app_failed()
            elif not cycle.started:
                cycle.internal_error()
            elif not cycle.complete:
                cycle.cut = True
            return
        if result is not None:
            cycle.flag("returned-value", f"the app returned {result!r}")
            cycle.cut = not cycle.complete
        elif getattr(cycle, "websocket", False):
            cycle.app_returned()
        elif not cycle.started:
            cycle.flag("never-started", "the app returned without sending http.response.start")
            cycle.internal_error()
        elif not cycle.complete:
            cycle.flag("never-completed", "the app returned before a body message with more_body False")
            cycle.cut = True

    def _settle(self, rec, cycle):
        if cycle.complete and not cycle.cut:
            rec["outcome"] = "complete"
        elif cycle.started or cycle.cut:
            rec["outcome"] = "cut"
        if cycle.status is not None:
            rec["status"] = _status_line(cycle.status)
        rec["headers"] = cycle.headers
        rec["body"] = b"".join(cycle.body)
        rec["events"] = cycle.events
        rec["violations"] = cycle.violations

    def _give_up(self, rule, reason):
        # Cancel what is left, let the cancellations run (bounded), and say why each was stopped.
        self.loop._horizon = None
        tasks = [t for t in self._by_task if not t.done()]
        for task in tasks:
            rec = self._by_task[task]
            rec["end"] = self.loop.time()
            rec["cycle"].flag(rule, f"stopped at {self.loop.time():g} s: {reason}")
            task.cancel()
        if tasks:
            try:
                run_detached(self.loop, asyncio.wait(tasks, timeout=1.0))
            except LoopWouldHang:
                pass
        for rec in self.records:
            if rec["start"] is None:
                rec["warnings"].append(violation(rule, f"never started: {reason}"))

    def _close(self):
        # Nothing may leak into the next run: cancel stragglers, then close the loop.
        leftovers = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
        for task in leftovers:
            task.cancel()
        self.loop._horizon = None
        if leftovers:
            try:
                run_detached(self.loop, asyncio.wait(leftovers, timeout=1.0))
            except (LoopWouldHang, RuntimeError):
                pass
        self.loop.close()
        for rec in self.records:
            rec.pop("cycle", None)


def _looks_like_wsgi(app):
    try:
        params = inspect.signature(app).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    has_varargs = any(p.kind == p.VAR_POSITIONAL for p in params)
    return len(positional) == 2 and not has_varargs and not inspect.iscoroutinefunction(app)


def _status_line(code):
    try:
        return f"{code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} "
