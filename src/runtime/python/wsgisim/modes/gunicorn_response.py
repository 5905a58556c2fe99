"""gunicorn 20.1.0's Response (gunicorn/http/wsgi.py, Debian 12 patched): start_response, header
checks, framing and write(), writing to the simulated wire."""
import re
from email.utils import formatdate

TOKEN_RE = re.compile(r"[!#$%&'*+\-.\^_`|~0-9a-zA-Z]+")
HEADER_VALUE_RE = re.compile(r"[ \t\x21-\x7e\x80-\xff]*")  # RFC 9110 5.5, the Debian security fix
HOP_HEADERS = set("connection keep-alive proxy-authenticate proxy-authorization te trailers "
                  "transfer-encoding upgrade server date".split())


class InvalidHeader(Exception):
    """gunicorn.http.errors.InvalidHeader: answered with 400 by handle_error."""

    def __init__(self, hdr):
        super().__init__("Invalid HTTP Header: %r" % hdr)
        self.gunicorn_400 = str(self)


class InvalidHeaderName(Exception):
    """gunicorn.http.errors.InvalidHeaderName: answered with 400 by handle_error."""

    def __init__(self, hdr):
        super().__init__("Invalid HTTP header name: %r" % hdr)
        self.gunicorn_400 = str(self)


class Response:
    """One response on the wire, as gunicorn's Response object writes it."""

    def __init__(self, req, wire, trace):
        self.req, self.wire, self.trace = req, wire, trace
        self.status = None
        self.status_code = None
        self.chunked = False
        self.must_close = False
        self.headers = []
        self.headers_sent = False
        self.response_length = None
        self.sent = 0
        self.upgrade = False

    def force_close(self):
        self.must_close = True

    def should_close(self):
        return True  # the sync worker always calls force_close()

    def start_response(self, status, headers, exc_info=None):
        if exc_info:
            if self.status and self.headers_sent:
                raise exc_info[1].with_traceback(exc_info[2])
        elif self.status is not None:
            raise AssertionError("Response headers already set!")
        self.status = status
        try:
            self.status_code = int(self.status.split()[0])
        except ValueError:
            self.status_code = None
        self.process_headers(headers)
        self.chunked = self.is_chunked()
        return self.write

    def process_headers(self, headers):
        for name, value in headers:
            if not isinstance(name, str):
                raise TypeError("%r is not a string" % name)
            if not TOKEN_RE.fullmatch(name):
                raise InvalidHeaderName("%r" % name)
            if not isinstance(value, str):
                raise TypeError("%r is not a string" % value)
            if not HEADER_VALUE_RE.fullmatch(value):
                raise InvalidHeader("%r" % value)
            value = value.strip(" \t")
            lname = name.lower()
            if lname == "content-length":
                self.response_length = int(value)
            elif lname in HOP_HEADERS:
                if lname == "connection" and value.lower() == "upgrade":
                    self.upgrade = True
                elif lname == "upgrade" and value.lower() == "websocket":
                    self.headers.append((name, value))
                continue  # gunicorn silently drops hop-by-hop headers (and Server, Date)
            self.headers.append((name, value))

    def is_chunked(self):
        if self.response_length is not None:
            return False
        if self.req["version"] <= (1, 0):
            return False
        if self.req["method"] == "HEAD":
            return False
        if self.status_code in (204, 304):
            return False
        return True

    def default_headers(self):
        connection = "upgrade" if self.upgrade else "close"
        headers = ["HTTP/%s.%s %s\r\n" % (self.req["version"][0], self.req["version"][1], self.status),
                   "Server: gunicorn\r\n",
                   "Date: %s\r\n" % formatdate(usegmt=True),
                   "Connection: %s\r\n" % connection]
        if self.chunked:
            headers.append("Transfer-Encoding: chunked\r\n")
        return headers

    def send_headers(self):
        if self.headers_sent:
            return
        tosend = self.default_headers()
        tosend.extend(["%s: %s\r\n" % (k, v) for k, v in self.headers])
        data = ("%s\r\n" % "".join(tosend)).encode("latin-1")
        self.wire.send(data, "headers")
        self.headers_sent = True

    def write(self, arg):
        self.send_headers()
        if not isinstance(arg, bytes):
            raise TypeError("%r is not a byte" % arg)
        arglen = tosend = len(arg)
        if self.response_length is not None:
            if self.sent >= self.response_length:
                return
            tosend = min(self.response_length - self.sent, tosend)
            if tosend < arglen:
                arg = arg[:tosend]
        if self.chunked and tosend == 0:
            return
        self.sent += tosend
        self.wire.send(b"%X\r\n%s\r\n" % (len(arg), arg) if self.chunked else arg, "body")

    def write_file(self, respiter, items, count):
        """gunicorn's sendfile() needs a real file descriptor; otherwise it iterates the wrapper.

        `count` adds what the app produced to the body length the checks compare with Content-Length."""
        fileno = getattr(respiter.filelike, "fileno", None)
        try:
            usable = fileno is not None and fileno() >= 0
        except Exception:
            usable = False
        if not usable:
            for item in items(respiter):
                self.write(item)
            return
        data = respiter.filelike.read()
        count(data)
        if self.response_length is not None:
            data = data[:self.response_length]
        self.send_headers()
        self.wire.send(b"%X\r\n%s\r\n" % (len(data), data) if self.is_chunked() else data, "body")

    def close(self):
        if not self.headers_sent:
            self.send_headers()
        if self.chunked:
            self.wire.send(b"0\r\n\r\n", "last_chunk")
