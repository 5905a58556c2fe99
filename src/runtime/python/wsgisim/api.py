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
                on_output=None, server_addr=SERVER_ADDR, client_addr=CLIENT_ADDR, app=None,
                half_close=False):
    """Serve the raw bytes of one connection with the app in app_dir, as the server `mode` would.

    `app`: an already-loaded WSGI callable to serve instead of importing app_spec afresh (a
    simulated worker process keeps its app, and its globals, from request to request).
    `half_close`: after the bytes the client closes its sending side, instead of keeping the
    connection open (a server that needs more bytes then gets end-of-file instead of waiting).
    Bytes after the first request are served as further requests when the server keeps the
    connection alive (pipelining); each request's part is in the result's `exchanges`.
    """
    server_cls = get_mode(mode)
    tracer = Trace(enabled=trace)
    log = ServerLog(on_output)
    wire = Wire(tracer)
    raw = bytes(raw_request)
    checker = Checker(tracer)  # one for the connection: every request's violations are reported

    def context(data):
        return Context(data, tracer, checker, log, wire, app_dir, tuple(server_addr),
                       tuple(client_addr), half_close)

    server = server_cls(context(raw))
    servers, exchanges = [server], []
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
                error = _serve_connection(server_cls, context, raw, app, servers, exchanges)
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(app_dir)
    return _result(servers[0], servers[0].ctx, error, out, err, exchanges)


def _serve_connection(server_cls, context, raw, app, servers, exchanges):
    """Serve the connection's requests in order while the server keeps it alive; each server and
    exchange is appended as it happens. Returns the result's error: the first request's, or a
    simulator failure in a later one."""
    server, offset, error = servers[0], 0, None
    wire, log = server.wire, server.log
    while True:
        sent = len(wire.data)
        failure = _serve(server, app, log, wire)
        end = offset + (server.consumed if server.consumed is not None else len(server.ctx.raw))
        exchanges.append(_exchange(server, failure or server.error, (offset, end), sent, wire))
        if len(servers) == 1:
            error = failure or server.error
        elif failure and failure["kind"] == "internal":
            error = error or failure
        elif failure and failure["kind"] == "timeout":
            # The earlier responses are out; the server keeps the connection and waits.
            wire.cut, wire.keep_alive = False, True
        if failure or not wire.keep_alive or wire.cut or server.consumed is None or not raw[end:]:
            break
        offset = end  # the server keeps the connection: the next pipelined request
        server.trace.emit("next_request", index=len(servers), offset=offset)
        server = server_cls(context(raw[offset:]))
        servers.append(server)
    if server.ctx.half_close:
        wire.keep_alive = False  # the server reads end-of-file and closes its side too
    return error


def _serve(server, app, log, wire):
    """Serve one request of the connection; the error dict when the simulation itself stops it."""
    try:
        server.serve(app)
    except ClientStalled as exc:
        message = str(exc) if exc.waiting_for else getattr(server, "stall_message", str(exc))
        log.write("%s\n" % message if exc.waiting_for else "%s\n%s\n" % (exc, message))
        wire.cut = True
        return {"kind": "timeout", "message": message, "traceback": "", "line": None, "file": None}
    except Exception as exc:  # a bug in the simulator itself: say so, never crash
        text = traceback.format_exc()
        log.write("Simulator error (not your code):\n" + text)
        wire.cut = True
        return {"kind": "internal", "message": "%s: %s" % (type(exc).__name__, exc),
                "traceback": text, "line": None, "file": None}
    finally:
        if server.onion is not None:
            server.onion.stop()  # the layer summaries go in before "done"
            server.onion = None
    return None


def _exchange(server, error, request_span, sent, wire):
    """One request of the connection and its response: byte ranges, status, outcome (JSON-able)."""
    data = bytes(wire.data[sent:])
    status, _, _, complete = read_response(data, head=server.method == "HEAD")
    return {"request": list(request_span), "response": [sent, len(wire.data)], "status": status,
            "outcome": "cut" if wire.cut or not data or not complete else "complete",
            "error": error, "environ": jsonable(server.environ or {})}


def _result(server, ctx, error, out, err, exchanges):
    data = bytes(ctx.wire.data)
    status, headers, body, complete = read_response(data, head=server.method == "HEAD")
    cut = ctx.wire.cut or not data or not complete
    if len(exchanges) > 1:  # the first response is the one described; later ones are in exchanges
        cut = exchanges[0]["outcome"] == "cut"
    ctx.trace.emit("done", size=len(data), outcome="cut" if cut else "complete")
    return {
        "response": data,
        "outcome": "cut" if cut else "complete",
        "keep_alive": bool(ctx.wire.keep_alive and not ctx.wire.cut and (len(exchanges) > 1 or not cut)),
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
        "exchanges": exchanges,
    }
