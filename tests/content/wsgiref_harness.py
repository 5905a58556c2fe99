"""Serve one content example under CPython's wsgiref on loopback and send it raw HTTP requests.

The lesson pages quote what wsgiref really answers; this module is how those answers were
obtained and how CI re-checks them. Everything is bounded: socket timeouts, one server thread.
"""
import importlib.util
import io
import socket
import threading
import warnings
from contextlib import contextmanager
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from wsgiref.validate import validator

TIMEOUT = 5.0


def load_app(path, name="app"):
    """Import a .py file by path and return its WSGI callable (module attribute `app`)."""
    spec = importlib.util.spec_from_file_location(f"example_{abs(hash(path))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


class _QuietHandler(WSGIRequestHandler):
    """A request handler whose error log and access log go to a buffer we can quote."""

    log = None  # set per server; a class attribute because wsgiref builds handlers itself

    def get_stderr(self):
        return self.log

    def log_message(self, format, *args):
        self.log.write("ACCESS " + (format % args) + "\n")


@contextmanager
def serve(app, port, strict=False):
    """Run `app` on 127.0.0.1:port in a background thread; yield the server's log buffer.

    Port 0 takes a free port (other suites may run beside this one); `log.port` is the one bound.

    strict=True wraps the app in wsgiref.validate.validator, the stdlib's PEP 3333 checker,
    and turns its warnings into log lines so a check can demand "no violations".
    """
    log = io.StringIO()
    handler = type("Handler", (_QuietHandler,), {"log": log})
    wrapped = validator(app) if strict else app
    server = make_server("127.0.0.1", port, wrapped, server_class=WSGIServer, handler_class=handler)
    server.timeout = TIMEOUT
    log.port = server.server_port
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        thread.start()
        try:
            yield log
        finally:
            server.shutdown()
            server.server_close()
            thread.join(TIMEOUT)
            for w in caught:
                log.write(f"WARNING {w.category.__name__}: {w.message}\n")


def request(port, method="GET", path="/", headers=None, body=b""):
    """Send one raw HTTP/1.1 request; return (status_line, [(name, value)], body_bytes, raw)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body and not any(k.lower() == "content-length" for k in (headers or {})):
        lines.append(f"Content-Length: {len(body)}")
    raw_request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    chunks = []
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(raw_request)
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                chunks.append(data)
        except (socket.timeout, ConnectionResetError):
            pass  # a cut connection is an answer too: the partial response is what the client saw
    raw = b"".join(chunks)
    head, _, payload = raw.partition(b"\r\n\r\n")
    head_lines = head.decode("latin-1").split("\r\n")
    status_line = head_lines[0] if head_lines and head_lines[0] else ""
    parsed = [tuple(h.split(": ", 1)) for h in head_lines[1:] if ": " in h]
    return status_line, parsed, payload, raw
