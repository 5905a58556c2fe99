"""What every server personality shares: calling the app, tracing each step, recording errors.

Shaped like CPython's wsgiref.handlers.BaseHandler: a subclass fills in `serve()` with its own
parsing, environ and response rules; the I/O is the Wire in the context.
"""
import os
import traceback

from .. import onion
from ..streams import ClientStalled
from ..trace import preview


class Context:
    """Everything one request needs: the raw bytes, trace, checker, log, wire and addresses."""

    def __init__(self, raw, trace, checker, log, wire, app_dir, server_addr, client_addr,
                 half_close=False):
        self.raw, self.trace, self.checker, self.log, self.wire = raw, trace, checker, log, wire
        self.app_dir = app_dir
        self.server_addr = server_addr      # (host, port) the server listens on
        self.client_addr = client_addr      # (host, port) of the client
        # False: after `raw` the client sends nothing more but keeps the connection open (a server
        # that needs more bytes waits). True: it then closes its sending side (shutdown(SHUT_WR)),
        # so a server reading for more gets end-of-file at once.
        self.half_close = half_close


class BaseServer:
    """A server personality. Subclasses set `name`, `version`, `description`, their limits (named
    class attributes, listed in `limits`) and the real server's command (`pip_package`,
    `serve_command`), and implement `serve(app)`. The page and the download read these as data
    (modes/data.py)."""

    name = "base"
    version = ""
    # One sentence for the reader: what this personality is.
    description = ""
    # The names of the class attributes that are this server's limits, in the order they are shown.
    limits = ()
    # The real server: the pip package to install (None: in the standard library) and the command that
    # serves "module:callable" on 127.0.0.1:8000 ({app}, or {module} and {callable} separately).
    pip_package = None
    serve_command = ""
    # What the server does while it waits for the rest of an unfinished request (the client keeps
    # the connection open): said to the reader after what it waits for.
    wait_message = "The server waits for the rest of the request."

    def __init__(self, ctx):
        self.ctx = ctx
        self.trace, self.checker, self.log, self.wire = ctx.trace, ctx.checker, ctx.log, ctx.wire
        self.error = None            # the error dict of the result
        self.environ = None          # the environ the app saw
        self.sources = {}
        self.sr_calls = 0            # how many times the app called start_response
        self.sr_status = None        # the last status/headers the app passed (for the checks)
        self.sr_headers = None
        self.app_bytes = 0           # body bytes the app produced (write() and the iterable)
        self.onion = None            # the middleware-layer recorder while the app runs
        self.consumed = None         # where this request ended in ctx.raw (known when another may follow)
        self.method = None           # the request's method as parsed (HEAD: the response has no body)

    def serve(self, app):
        """Handle ctx.raw with `app`, writing the response to ctx.wire."""
        raise NotImplementedError

    # -- steps shared by every personality -------------------------------------------------
    def incomplete(self, waiting_for):
        """The request is unfinished. Returns True when the client has half-closed (the caller then
        does what its server does at end-of-file); else the server waits: ClientStalled."""
        if self.ctx.half_close:
            return True
        self.trace.emit("request_incomplete", waiting_for=waiting_for)
        raise ClientStalled("%s. %s" % (waiting_for.rstrip("."), self.wait_message), waiting_for)

    def parsed(self, method, target, version, fields, body):
        """Trace the parsed request."""
        self.method = method
        self.trace.emit("request_parsed", method=method, target=target, version=version,
                        headers=[[f.name, f.value] for f in fields], body_size=len(body))

    def built(self, builder):
        """Keep and trace the environ the app will see."""
        self.environ, self.sources = builder.environ, builder.sources
        self.trace.emit("environ_built", keys=sorted(builder.environ), sources=dict(builder.sources))

    def call_app(self, app, environ, start_response):
        """Call the app with a traced start_response; return what it returned."""
        self.trace.emit("app_called", callable=getattr(app, "__name__", type(app).__name__))
        sr = self.traced_start_response(start_response)
        self.onion = onion.start(self.trace, self.ctx.app_dir)  # observes only; stopped in api.py
        result = app(environ, sr)
        self.checker.result(result)
        self.trace.emit("app_returned", kind=type(result).__name__,
                        length=_len_or_none(result))
        return result

    def traced_start_response(self, real):
        """Wrap the server's start_response: check and trace each call, then pass it through."""
        def start_response(status, headers, exc_info=None):
            self.checker.start_response(status, headers, exc_info, self.sr_calls > 0)
            self.sr_calls += 1
            self.sr_status, self.sr_headers = status, headers
            self.trace.emit("start_response", status=_text(status), headers=_pairs(headers),
                            exc_info=_exc_name(exc_info))
            write = real(status, headers, exc_info)
            return self.traced_write(write)
        return start_response

    def traced_write(self, real):
        """Wrap the write() callable start_response returns."""
        def write(data):
            self.checker.item(data, from_write=True)
            self.count(data)
            self.trace.emit("write", size=_size(data), preview=preview(data))
            return real(data)
        return write

    def items(self, result):
        """Iterate the app's iterable, checking and tracing each chunk."""
        for item in result:
            self.checker.item(item)
            self.count(item)
            self.trace.emit("body_chunk", size=_size(item), preview=preview(item))
            yield item

    def count(self, data):
        """Add a chunk to the body length (and notice a body produced before start_response)."""
        if self.sr_calls == 0:
            self.checker.record("start_response_not_called")
        if isinstance(data, (bytes, bytearray)):
            self.app_bytes += len(data)

    def close_result(self, result):
        """Call the iterable's close(), if it has one (PEP 3333: exactly once)."""
        if hasattr(result, "close"):
            self.trace.emit("close")
            result.close()

    def body_done(self):
        """The app's body is complete: check its length against the headers."""
        if self.sr_calls == 0:
            self.checker.record("start_response_not_called")
        self.checker.lengths(self.sr_status, self.sr_headers, self.app_bytes, head=self.method == "HEAD")

    def app_failed(self, exc, log_prefix=""):
        """Record an exception from the app: trace event, error dict, traceback in the log.

        The log keeps the server's full traceback (as the real log would); the trace and the
        error show it from the reader's first frame on, which is where the fix goes.
        """
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        mine = self.readers_traceback(exc) or text
        file, line = self.where(exc)
        self.trace.emit("exception", exc_type=type(exc).__name__, message=str(exc),
                        traceback=mine, file=file, line=line)
        if self.error is None:
            self.error = {"kind": "app_exception", "message": "%s: %s" % (type(exc).__name__, exc),
                          "traceback": mine, "line": line, "file": file}
        self.log.write(log_prefix + text)

    def readers_traceback(self, exc):
        """The traceback from the first frame in the reader's files on ('' if none is theirs)."""
        root = os.path.abspath(self.ctx.app_dir) + os.sep if self.ctx.app_dir else None
        tb = exc.__traceback__
        while tb is not None and not (root and os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(root)):
            tb = tb.tb_next
        if tb is None:
            return ""
        return "".join(traceback.format_exception(type(exc), exc, tb))

    def where(self, exc):
        """The innermost traceback frame in the reader's files (else the innermost of all)."""
        frames = traceback.extract_tb(exc.__traceback__)
        root = os.path.abspath(self.ctx.app_dir) + os.sep if self.ctx.app_dir else None
        mine = [f for f in frames if root and os.path.abspath(f.filename).startswith(root)]
        frame = (mine or frames or [None])[-1]
        if frame is None:
            return None, None
        name = frame.filename
        if root and os.path.abspath(name).startswith(root):
            name = os.path.relpath(name, root)
        return name, frame.lineno

    def bad_request(self, err):
        """Trace a refused request."""
        self.trace.emit("bad_request", status=err.status, reason=err.reason)
        if self.error is None:
            self.error = {"kind": "bad_request", "message": err.reason, "traceback": "",
                          "line": None, "file": None}


def _len_or_none(value):
    # Only built-in sequences: calling an app object's __len__ would be more than observing.
    return len(value) if isinstance(value, (list, tuple)) else None


def _size(data):
    return len(data) if isinstance(data, (bytes, bytearray, str)) else None


def _text(value):
    return value if isinstance(value, str) else repr(value)


def _pairs(headers):
    if not isinstance(headers, (list, tuple)):
        return repr(headers)  # never iterate what the server has yet to read
    try:
        return [[_text(n), _text(v)] for n, v in headers]
    except Exception:
        return repr(headers)


def _exc_name(exc_info):
    if not exc_info:
        return None
    try:
        return "%s: %s" % (exc_info[0].__name__, exc_info[1])
    except Exception:
        return repr(exc_info)
