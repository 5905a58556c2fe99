"""wsgiref.handlers.BaseHandler/SimpleHandler of CPython 3.11, as simple_server's ServerHandler
runs it: start_response checks, Content-Length for one-item bodies, the 500 page, ported rule by rule."""
import time
from email.utils import formatdate

from ..checks import HOP_BY_HOP  # wsgiref.util._hoppish: the same eight names

SOFTWARE = "WSGIServer/0.2 CPython/3.11.2"          # ServerHandler.server_software
ERROR_BODY = b"A server error occurred.  Please contact the administrator."


class Headers:
    """wsgiref.headers.Headers: keeps the app's list itself, looks names up case-insensitively."""

    def __init__(self, headers):
        if type(headers) is not list:
            raise TypeError("Headers must be a list of name/value tuples")
        for k, v in headers:
            for item in (k, v):
                if type(item) is not str:
                    raise AssertionError("Header names/values must be of type str (got %r)" % (item,))
        self.items = headers

    def get(self, name):
        name = name.lower()
        return next((v for k, v in self.items if k.lower() == name), None)

    def setdefault(self, name, value):
        if self.get(name) is None:
            self.items.append((name, value))

    def __bytes__(self):
        return "\r\n".join(["%s: %s" % kv for kv in self.items] + ["", ""]).encode("iso-8859-1")


class ServerHandler:
    """Mixin for WsgirefServer: runs the app and writes the response like wsgiref."""

    def run(self, app, environ):
        try:
            self.result = self.call_app(app, environ, self.start_response)
            self.finish_response()
        except Exception as exc:
            self.handle_error(exc)
        self.wire.cut = self.cut

    cut = False

    def finish_response(self, from_app=True):
        try:
            for data in (self.items(self.result) if from_app else self.result):
                self.write(data)
            self.finish_content()
        except BaseException:
            if hasattr(self.result, "close"):
                self.close_result(self.result)
            raise
        else:
            if from_app:
                self.body_done()
            self.close()

    def close(self):
        try:
            self.log.write('%s - - [%s] "%s" %s %d\n' % (
                self.ctx.client_addr[0], time.strftime("%d/%b/%Y %H:%M:%S"), self.requestline,
                self.status.split(" ", 1)[0], self.bytes_sent))
        finally:
            if hasattr(self.result, "close"):
                self.close_result(self.result)
            self.result = self.headers = self.status = None
            self.bytes_sent, self.headers_sent = 0, False

    def start_response(self, status, headers, exc_info=None):
        if exc_info:
            if self.headers_sent:
                raise exc_info[1].with_traceback(exc_info[2])
        elif self.headers is not None:
            raise AssertionError("Headers already set!")
        self.status = status
        self.headers = Headers(headers)
        if type(status) is not str:
            raise AssertionError("Status must be of type str (got %r)" % (status,))
        assert len(status) >= 4, "Status must be at least 4 characters"
        assert status[:3].isdigit(), "Status message must begin w/3-digit code"
        assert status[3] == " ", "Status message must have a space after code"
        for name, val in headers:
            assert name.lower() not in HOP_BY_HOP, f"Hop-by-hop header, '{name}: {val}', not allowed"
        return self.write

    def write(self, data):
        assert type(data) is bytes, "write() argument must be a bytes instance"
        if not self.status:
            raise AssertionError("write() before start_response()")
        elif not self.headers_sent:
            self.bytes_sent = len(data)
            self.send_headers()
        else:
            self.bytes_sent += len(data)
        self.wire.send(data, "body")

    def finish_content(self):
        if not self.headers_sent:
            self.headers.setdefault("Content-Length", "0")
            self.send_headers()

    def send_headers(self):
        if self.headers.get("Content-Length") is None:
            try:
                blocks = len(self.result)
            except (TypeError, AttributeError, NotImplementedError):
                pass
            else:
                if blocks == 1:
                    self.headers.setdefault("Content-Length", str(self.bytes_sent))
        self.headers_sent = True
        if self.request_version.upper() != "HTTP/0.9":
            self.wire.send(("HTTP/1.0 %s\r\n" % self.status).encode("iso-8859-1"), "status_line")
            if self.headers.get("Date") is None:
                self.wire.send(("Date: %s\r\n" % formatdate(usegmt=True)).encode(), "headers")
            if self.headers.get("Server") is None:
                self.wire.send(("Server: %s\r\n" % SOFTWARE).encode(), "headers")
            self.wire.send(bytes(self.headers), "headers")

    def handle_error(self, exc):
        self.app_failed(exc)
        if self.headers_sent:
            self.cut = True
            return
        try:
            self.start_response("500 Internal Server Error", [("Content-Type", "text/plain")],
                                (type(exc), exc, exc.__traceback__))
            self.result = [ERROR_BODY]
            self.trace.emit("error_response", status="500 Internal Server Error")
            self.finish_response(from_app=False)
        except Exception as second:  # wsgiref lets a failing error page escape to the server
            self.app_failed(second)
            self.cut = True
