"""The one entry point: run_request(raw bytes, ...) -> a plain dict (see ../README.md)."""
import contextlib
import io
import sys
import traceback

from .checks import Checker
from .environ import jsonable
from .loader import AppLoadError, load_app
from .modes import get_mode
from .modes.base import Context
from .streams import ClientStalled, ServerLog
from .trace import Trace
from .wire import Wire, read_response

SERVER_ADDR = ("127.0.0.1", 8000)
CLIENT_ADDR = ("127.0.0.1", 54321)


class _Capture(io.TextIOBase):
    """stdout/stderr of the reader's code: kept, and streamed through on_output as it happens."""

    def __init__(self, name, on_output):
        self.name, self.on_output, self.parts = name, on_output, []

    def write(self, text):
        self.parts.append(text)
        if self.on_output is not None and text:
            self.on_output(self.name, text)
        return len(text)

    def writable(self):
        return True


def run_request(raw_request, *, app_dir, app_spec="app:app", mode="reference", trace=True,
                on_output=None, server_addr=SERVER_ADDR, client_addr=CLIENT_ADDR, app=None):
    """Serve one raw HTTP request with the app in app_dir, as the server `mode` would.

    `app`: an already-loaded WSGI callable to serve instead of importing app_spec afresh (a
    simulated worker process keeps its app, and its globals, from request to request).
    """
    server_cls = get_mode(mode)
    tracer = Trace(enabled=trace)
    log = ServerLog(on_output)
    wire = Wire(tracer)
    ctx = Context(bytes(raw_request), tracer, Checker(tracer), log, wire, app_dir,
                  tuple(server_addr), tuple(client_addr))
    server = server_cls(ctx)
    out, err = _Capture("stdout", on_output), _Capture("stderr", on_output)
    error = None
    sys.path.insert(0, app_dir)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                app = load_app(app_dir, app_spec) if app is None else app
            except AppLoadError as exc:
                error = {"kind": "app_load", "message": exc.message, "traceback": exc.traceback,
                         "line": exc.line, "file": exc.file}
                log.write("Failed to load the application: %s\n%s" % (exc.message, exc.traceback))
                tracer.emit("app_load_failed", message=exc.message)
                wire.cut = True
            else:
                try:
                    server.serve(app)
                except ClientStalled as exc:
                    message = getattr(server, "stall_message", str(exc))
                    error = {"kind": "timeout", "message": message, "traceback": "",
                             "line": None, "file": None}
                    log.write("%s\n%s\n" % (exc, message))
                    wire.cut = True
                except Exception as exc:  # a bug in the simulator itself: say so, never crash
                    text = traceback.format_exc()
                    error = {"kind": "internal", "message": "%s: %s" % (type(exc).__name__, exc),
                             "traceback": text, "line": None, "file": None}
                    log.write("Simulator error (not your code):\n" + text)
                    wire.cut = True
    finally:
        if server.onion is not None:
            server.onion.stop()  # the layer summaries go in before "done"
        with contextlib.suppress(ValueError):
            sys.path.remove(app_dir)
    return _result(server, ctx, error or server.error, out, err)


def _result(server, ctx, error, out, err):
    data = bytes(ctx.wire.data)
    status, headers, body, complete = read_response(data)
    cut = ctx.wire.cut or not data or not complete
    ctx.trace.emit("done", size=len(data), outcome="cut" if cut else "complete")
    return {
        "response": data,
        "outcome": "cut" if cut else "complete",
        "keep_alive": bool(ctx.wire.keep_alive and not cut),
        "status": status,
        "headers": headers,
        "body": body,
        "events": ctx.trace.events,
        "violations": list(ctx.checker.found),
        "error": error,
        "log": ctx.log.text(),
        "stdout": "".join(out.parts),
        "stderr": "".join(err.parts),
        "environ": jsonable(server.environ or {}),
        "mode": {"name": server.name, "version": server.version},
    }
