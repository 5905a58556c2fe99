"""wsgiref.simple_server as CPython 3.11 ships it (Debian 12's 3.11.2): WSGIRequestHandler parses,
ServerHandler (wsgiref.handlers.SimpleHandler) runs the app. Ported rule by rule from
Lib/http/server.py, Lib/wsgiref/simple_server.py and Lib/wsgiref/handlers.py."""
import html
import io
import os
import time
from urllib.parse import unquote
from email.utils import formatdate
from http import HTTPStatus
from http.client import HTTPException, LineTooLong, parse_headers

from ..environ import EnvironBuilder, http_key
from ..http_parser import BadRequest, parse_head
from ..streams import ErrorStream, FileWrapper, InputStream
from .base import BaseServer

SERVER_VERSION = "WSGIServer/0.2"
SOFTWARE = SERVER_VERSION + " CPython/3.11.2"          # ServerHandler.server_software
ERROR_SOFTWARE = SERVER_VERSION + " Python/3.11.2"     # BaseHTTPRequestHandler.version_string()
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailers", "transfer-encoding", "upgrade"}
ERROR_BODY = b"A server error occurred.  Please contact the administrator."
ERROR_PAGE = """\
<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
"""
# wsgiref's BaseHandler copies the process environment into every environ (read_environ()).
OS_ENVIRON = dict(os.environ)


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


class WsgirefServer(BaseServer):
    name = "wsgiref"
    version = "CPython 3.11 wsgiref.simple_server (Debian 12: 3.11.2)"

    def serve(self, app):
        raw = self.ctx.raw
        line_end = raw.find(b"\n")
        requestline = raw[:line_end + 1 if line_end >= 0 else len(raw)]
        if len(requestline) > 65536:
            return self.send_error(414, None, version="HTTP/0.9")
        request = self.parse_request(requestline, raw[len(requestline):])
        if request is None:
            return
        environ = self.get_environ(request)
        self.status = self.headers = None
        self.headers_sent = False
        self.bytes_sent = 0
        self.result = None
        self.run(app, environ)

    # -- BaseHTTPRequestHandler.parse_request -------------------------------------------------
    def parse_request(self, raw_line, rest):
        self.command, self.request_version = None, "HTTP/0.9"
        requestline = raw_line.decode("iso-8859-1").rstrip("\r\n")
        self.requestline = requestline
        words = requestline.split()
        if not words:
            return None
        if len(words) >= 3:
            version = words[-1]
            try:
                if not version.startswith("HTTP/"):
                    raise ValueError
                number = version.split("/", 1)[1].split(".")
                if len(number) != 2:
                    raise ValueError
                number = int(number[0]), int(number[1])
            except (ValueError, IndexError):
                return self.send_error(400, "Bad request version (%r)" % version)
            if number >= (2, 0):
                return self.send_error(505, "Invalid HTTP version (%s)" % version.split("/", 1)[1])
            self.request_version = version
        if not 2 <= len(words) <= 3:
            return self.send_error(400, "Bad request syntax (%r)" % requestline)
        command, path = words[:2]
        if len(words) == 2 and command != "GET":
            return self.send_error(400, "Bad HTTP/0.9 request type (%r)" % command)
        self.command, self.path = command, path
        if path.startswith("//"):
            self.path = "/" + path.lstrip("/")  # CPython's fix for open redirects
        stream = io.BytesIO(rest)
        try:
            self.message = parse_headers(stream)
        except LineTooLong as err:
            return self.send_error(431, "Line too long", str(err))
        except HTTPException as err:
            return self.send_error(431, "Too many headers", str(err))
        self.body_offset = len(self.ctx.raw) - len(rest) + stream.tell()
        head = parse_head(self.ctx.raw)
        self.parsed(command, path, self.request_version, head.fields, rest[stream.tell():])
        self.head = head
        return True

    def send_error(self, code, message=None, explain=None, version=None):
        """BaseHTTPRequestHandler.send_error: an HTML page, Connection: close."""
        status = HTTPStatus(code)
        message = status.phrase if message is None else message
        explain = status.description if explain is None else explain
        self.log.write('%s - - [%s] code %d, message %s\n' % (self.ctx.client_addr[0],
                       time.strftime("%d/%b/%Y %H:%M:%S"), code, message))
        self.bad_request(BadRequest(message, status=code, phrase=status.phrase))
        body = (ERROR_PAGE % {"code": code, "message": html.escape(message, quote=False),
                              "explain": html.escape(explain, quote=False)}).encode("utf-8", "replace")
        if (version or self.request_version) != "HTTP/0.9":
            head = ("HTTP/1.0 %d %s\r\nServer: %s\r\nDate: %s\r\nConnection: close\r\n"
                    "Content-Type: text/html;charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                    % (code, message, ERROR_SOFTWARE, formatdate(usegmt=True), len(body)))
            self.wire.send(head.encode("latin-1", "strict"), "headers")
        if self.command != "HEAD":
            self.wire.send(body, "body")
        return None

    # -- WSGIRequestHandler.get_environ + BaseHandler.setup_environ ----------------------------
    def get_environ(self, request):
        b = EnvironBuilder()
        b.update(OS_ENVIRON)
        host, port = self.ctx.server_addr
        b.update({"SERVER_NAME": "localhost" if host == "127.0.0.1" else host,
                  "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PORT": str(port), "REMOTE_HOST": "",
                  "CONTENT_LENGTH": "", "SCRIPT_NAME": ""})
        words = self.head.words
        b.set("SERVER_PROTOCOL", self.request_version, words[2][1] if len(words) > 2 else None)
        b.set("SERVER_SOFTWARE", SERVER_VERSION)
        b.set("REQUEST_METHOD", self.command, words[0][1])
        path, _, query = self.path.partition("?")
        b.set("PATH_INFO", unquote(path, "iso-8859-1"), words[1][1])
        b.set("QUERY_STRING", query, words[1][1])
        b.set("REMOTE_ADDR", self.ctx.client_addr[0])
        fields = {}
        for f in self.head.fields:
            fields.setdefault(f.name.lower(), f)
        span = lambda name: fields[name].span if name in fields else None  # noqa: E731
        ctype = self.message.get("content-type")
        b.set("CONTENT_TYPE", self.message.get_content_type() if ctype is None else ctype,
              span("content-type"))
        length = self.message.get("content-length")
        if length:
            b.set("CONTENT_LENGTH", length, span("content-length"))
        for k, v in self.message.items():
            key = k.replace("-", "_").upper()
            if key in b.environ:
                continue
            if "HTTP_" + key in b.environ:
                b.environ["HTTP_" + key] += "," + v.strip()
            else:
                b.set(http_key(k), v.strip(), span(k.lower()))
        body = self.ctx.raw[self.body_offset:]
        b.set("wsgi.input", InputStream(body, self.trace), (self.body_offset, len(self.ctx.raw)))
        b.update({"wsgi.errors": ErrorStream(self.log, self.trace), "wsgi.version": (1, 0),
                  "wsgi.run_once": False, "wsgi.url_scheme": "http", "wsgi.multithread": False,
                  "wsgi.multiprocess": False, "wsgi.file_wrapper": FileWrapper})
        self.built(b)
        return b.environ

    # -- wsgiref.handlers.BaseHandler ---------------------------------------------------------
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
