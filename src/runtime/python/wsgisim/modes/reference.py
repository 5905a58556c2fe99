"""The reference server: the bytes wsgiref, gunicorn and waitress agree on, and one documented
choice where they differ (HTTP version echoed, Content-Length when known, chunked otherwise on
HTTP/1.1, Connection: close). Any PEP 3333 rule that at least one real server enforces is enforced
here: the app gets an exception and the client a 500 (see Modes in ../../README.md)."""
from email.utils import formatdate

from ..checks import Checker
from ..environ import EnvironBuilder, bytes_as_unicode, http_key
from ..http_parser import BadRequest
from ..streams import ErrorStream, FileWrapper, InputStream
from ..trace import Trace
from .base import BaseServer
from .wsgiref import WSGIREF_COMMAND
from .reference_parse import parse

SOFTWARE = "wsgisim/1.0 (reference)"
# Rules that make at least one real server refuse the response (Modes in ../../README.md lists them).
FATAL = {"status_not_str", "status_format", "status_control", "headers_not_list",
         "header_not_tuple", "header_name_not_str", "header_value_not_str", "header_name_invalid",
         "header_value_control", "header_value_not_latin1", "hop_by_hop", "content_length_invalid"}
ERROR_500 = (b"Internal Server Error\n\nThe application raised an exception or broke a rule of "
             b"PEP 3333 before the response began. The server log says which.\n")


class PEP3333Error(AssertionError):
    """Raised inside start_response()/write() when the app breaks a rule the reference enforces."""


class ReferenceServer(BaseServer):
    name = "reference"
    version = "wsgisim reference (strict PEP 3333)"
    description = ("The bytes wsgiref, gunicorn and waitress agree on, and one documented choice where "
                   "they differ; every PEP 3333 rule a real server enforces is enforced.")
    # It has no real counterpart of its own: the download runs it on wsgiref, the standard library's.
    serve_command = WSGIREF_COMMAND
    wait_message = ("Like every real server, the reference waits for the rest; a real one gives up "
                    "after its timeout, with no response. Send the rest, or let the client close its "
                    "sending side (half-close) to see the request refused.")
    max_request_line = 8190    # longer request lines get 414 (gunicorn's hard cap)
    max_header_fields = 100    # more header lines get 431 (gunicorn's and http.client's limit)
    limits = ("max_request_line", "max_header_fields")

    def serve(self, app):
        try:
            head, req = parse(self.ctx.raw, self.max_request_line, self.max_header_fields)
        except BadRequest as err:
            if getattr(err, "incomplete", False):
                self.incomplete(err.reason)  # waits, unless the client has half-closed
                if not self.ctx.raw:  # all three servers close without a word
                    self.bad_request(BadRequest("The client closed without sending anything", 0, ""))
                    self.wire.cut = True
                    return
            self.bad_request(err)
            self.log.write("Bad request: %s\n" % err.reason)
            return self.simple_response("%d %s" % (err.status, err.phrase),
                                        (err.reason + "\n").encode("utf-8"), "HTTP/1.1")
        self.req, self.head = req, head
        self.http = "HTTP/1.0" if req["minor"] == 0 else "HTTP/1.1"
        self.parsed(req["method"], req["target"], req["version"], req["fields"], req["body"])
        self.status = self.headers = None
        self.headers_sent = False
        self.length = None        # Content-Length as sent
        self.chunked = False
        self.sent = 0
        self.result = None
        environ = self.environ_for(req, head)
        try:
            self.result = self.call_app(app, environ, self.start_response)
            self.finish_response()
        except Exception as exc:
            self.app_failed(exc, "Error handling request %s %s\n" % (req["method"], req["target"]))
            if self.headers_sent:
                self.wire.cut = True
            else:
                self.trace.emit("error_response", status="500 Internal Server Error")
                self.simple_response("500 Internal Server Error", ERROR_500, self.http)

    def environ_for(self, req, head):
        b = EnvironBuilder()
        words = head.words
        host, port = self.ctx.server_addr
        b.set("REQUEST_METHOD", req["method"], words[0][1])
        b.set("SCRIPT_NAME", "")
        b.set("PATH_INFO", bytes_as_unicode(req["path"]), words[1][1])
        b.set("QUERY_STRING", req["query"], words[1][1])
        b.set("SERVER_PROTOCOL", req["version"], words[2][1])
        b.update({"SERVER_NAME": "localhost", "SERVER_PORT": str(port), "SERVER_SOFTWARE": SOFTWARE,
                  "REMOTE_ADDR": self.ctx.client_addr[0], "REMOTE_PORT": str(self.ctx.client_addr[1])})
        for f in req["fields"]:
            low = f.name.lower()
            if low in ("content-type", "content-length"):
                b.set(low.upper().replace("-", "_"), f.value.strip(), f.span)
                continue
            key = http_key(f.name)
            if key in b.environ:
                b.environ[key] += "," + f.value.strip()
            else:
                b.set(key, f.value.strip(), f.span)
        continue_needed = req["minor"] >= 1 and b.environ.get("HTTP_EXPECT", "").lower() == "100-continue"
        stream = InputStream(req["body"], self.trace, self.send_continue if continue_needed else None)
        b.set("wsgi.input", stream, req["body_span"])
        b.update({"wsgi.version": (1, 0), "wsgi.url_scheme": "http",
                  "wsgi.errors": ErrorStream(self.log, self.trace), "wsgi.multithread": False,
                  "wsgi.multiprocess": False, "wsgi.run_once": False,
                  "wsgi.file_wrapper": FileWrapper, "wsgi.input_terminated": True})
        self.built(b)
        return b.environ

    def send_continue(self):
        """Answer `Expect: 100-continue` when the app first reads the body (RFC 9110 10.1.1)."""
        if not self.headers_sent:
            self.wire.send(b"HTTP/1.1 100 Continue\r\n\r\n", "interim")

    def start_response(self, status, headers, exc_info=None):
        if exc_info:
            if self.headers_sent:
                raise exc_info[1].with_traceback(exc_info[2])
        elif self.status is not None:
            raise PEP3333Error("start_response() was called a second time without exc_info")
        probe = Checker(Trace(enabled=False))
        probe.status(status)
        probe.headers(headers)
        fatal = [v for v in probe.found if v["rule"] in FATAL]
        if fatal:
            raise PEP3333Error("%s (%s)" % (fatal[0]["message"], fatal[0]["pep"]))
        self.status, self.headers = status, list(headers)
        return self.write

    def write(self, data):
        if type(data) is not bytes:
            raise PEP3333Error("write() takes bytes, not %s" % type(data).__name__)
        if self.status is None:
            raise PEP3333Error("write() was called before start_response()")
        self.send(data)

    def finish_response(self):
        try:
            for data in self.items(self.result):
                if type(data) is not bytes:
                    raise PEP3333Error("The body iterable yielded %s, not bytes"
                                       % type(data).__name__)
                if self.status is None:
                    raise PEP3333Error("The app produced its body without calling start_response()")
                self.send(data)
            if self.status is None:
                raise PEP3333Error("The app returned without calling start_response()")
            self.body_done()
            self.send_headers()
            if self.chunked:
                self.wire.send(b"0\r\n\r\n", "last_chunk")
            if self.length is not None and self.sent < self.length and self.method != "HEAD":
                self.wire.cut = True   # a short body: the connection is closed on the client
        finally:
            self.close_result(self.result)

    def send(self, data):
        """Send one chunk of body: headers first, then framed and capped by Content-Length."""
        if not data:
            return  # an empty chunk sends nothing (it must not end a chunked body)
        self.send_headers(first=data)
        if self.no_body():
            return
        if self.length is not None:
            data = data[:max(self.length - self.sent, 0)]
        self.sent += len(data)
        if data:
            self.wire.send(b"%X\r\n%s\r\n" % (len(data), data) if self.chunked else data, "body")

    def no_body(self):
        return self.status.startswith(("1", "204", "304"))

    def send_headers(self, first=None):
        if self.headers_sent:
            return
        names = {n.lower(): v for n, v in self.headers}
        extra = []
        if not self.no_body():
            if "content-length" in names:
                self.length = int(names["content-length"])
            elif first is None or _one_item(self.result):
                self.length = len(first or b"")
                extra.append(("Content-Length", str(self.length)))
            elif self.http == "HTTP/1.1":
                self.chunked = True
                extra.append(("Transfer-Encoding", "chunked"))
        extra.append(("Connection", "close"))
        if "date" not in names:
            extra.append(("Date", formatdate(usegmt=True)))
        if "server" not in names:
            extra.append(("Server", SOFTWARE))
        lines = ["%s %s" % (self.http, self.status)] + ["%s: %s" % hv for hv in self.headers + extra]
        self.headers_sent = True
        self.wire.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"), "headers")

    def simple_response(self, status, body, http):
        """A server-written response (400, 500): plain text, Content-Length, Connection: close."""
        head = ("%s %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n"
                "Connection: close\r\nDate: %s\r\nServer: %s\r\n\r\n"
                % (http, status, len(body), formatdate(usegmt=True), SOFTWARE))
        self.wire.send(head.encode("latin-1"), "headers")
        self.wire.send(body, "error_page")


def _one_item(result):
    """True when the app returned a one-item sequence, so its only chunk is the whole body."""
    try:
        return len(result) == 1
    except Exception:
        return False
