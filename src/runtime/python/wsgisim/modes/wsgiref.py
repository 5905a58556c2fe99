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
from .wsgiref_handler import ServerHandler

SERVER_VERSION = "WSGIServer/0.2"
ERROR_SOFTWARE = SERVER_VERSION + " Python/3.11.2"     # BaseHTTPRequestHandler.version_string()
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


# wsgiref has no command line of its own: a one-line Python program serves the app.
WSGIREF_COMMAND = ('python3 -c "from wsgiref.simple_server import make_server; from {module} import {callable}; '
                   "make_server('127.0.0.1', 8000, {callable}).serve_forever()\"")


class WsgirefServer(ServerHandler, BaseServer):
    name = "wsgiref"
    version = "CPython 3.11 wsgiref.simple_server (Debian 12: 3.11.2)"
    stall_message = ("wsgiref reads the socket directly and waits for ever for body bytes the client "
                     "never sends; the client gets no response. Read at most CONTENT_LENGTH bytes.")

    wait_message = ("wsgiref reads the socket with no timeout: it waits for ever and the client gets "
                    "no response.")
    max_line = 65536      # http.server's readline limit (and http.client._MAXLINE for header lines)
    limits = ("max_line",)
    description = ("CPython's wsgiref.simple_server: the standard library's server, HTTP/1.0 answers, "
                   "one request per connection, no timeout.")
    serve_command = WSGIREF_COMMAND

    def serve(self, app):
        raw = self.ctx.raw
        line_end = raw.find(b"\n")
        requestline = raw[:line_end + 1 if line_end >= 0 else len(raw)]
        if len(requestline) > self.max_line:
            return self.send_error(414, None, version="HTTP/0.9")
        if line_end < 0:
            self.incomplete("Nothing has arrived yet: wsgiref waits for the request line" if not raw
                            else "The request line has not ended (no line feed yet): wsgiref waits for it")
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
        if not _header_section_ended(rest):
            self.incomplete("The header section has not ended (no blank line yet): wsgiref waits for it")
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
        # wsgi.input is the socket itself: reading past what the client sent blocks for ever
        # (or, once the client has half-closed, returns what there is).
        missing = 0 if self.ctx.half_close else -1
        b.set("wsgi.input", InputStream(body, self.trace, missing=missing), (self.body_offset, len(self.ctx.raw)))
        b.update({"wsgi.errors": ErrorStream(self.log, self.trace), "wsgi.version": (1, 0),
                  "wsgi.run_once": False, "wsgi.url_scheme": "http", "wsgi.multithread": False,
                  "wsgi.multiprocess": False, "wsgi.file_wrapper": FileWrapper})
        self.built(b)
        return b.environ


def _header_section_ended(rest):
    """True when http.client.parse_headers stopped at a blank line, not at end-of-file."""
    stream = io.BytesIO(rest)
    while True:
        line = stream.readline()
        if line in (b"\r\n", b"\n"):
            return True
        if not line.endswith(b"\n"):
            return False
