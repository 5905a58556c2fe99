"""gunicorn 20.1.0 as Debian 12 packages it (20.1.0-6+deb12u1, with its request-smuggling fixes),
one sync worker. Ported from gunicorn/http/message.py, http/wsgi.py and workers/sync.py."""
import html
import re
import textwrap
from email.utils import formatdate
from urllib.parse import unquote_to_bytes, urlsplit

from ..environ import EnvironBuilder
from ..http_parser import BadRequest, dechunk, parse_head
from ..streams import ErrorStream, FileWrapper, InputStream
from .base import BaseServer
from .gunicorn_response import Response

TOKEN_RE = re.compile(r"[!#$%&'*+\-.\^_`|~0-9a-zA-Z]+")
VERSION_RE = re.compile(r"HTTP/(\d+)\.(\d+)")
SECURE_SCHEME_HEADERS = {"X-FORWARDED-PROTOCOL": "ssl", "X-FORWARDED-PROTO": "https",
                         "X-FORWARDED-SSL": "on"}


class Silent(Exception):
    """gunicorn closes the connection without answering (client gone, socket error)."""


class Fail500(Exception):
    """An error gunicorn's handle_error answers with a bare 500 (not one of its 400 classes)."""


class BrokenBody:
    """wsgi.input over a chunked body gunicorn cannot decode: reading raises, as its ChunkedReader does."""

    def __init__(self, reason):
        self.reason = reason

    def read(self, *args):
        raise OSError(self.reason)

    readline = readlines = read

    def __iter__(self):
        return self

    def __next__(self):
        raise OSError(self.reason)


class GunicornServer(BaseServer):
    name = "gunicorn"
    version = "gunicorn 20.1.0 (Debian 12)"

    def serve(self, app):
        try:
            req = self.parse()
        except BadRequest as err:
            return self.write_error(400, "Bad Request", err.detail, err)
        except Fail500 as err:
            return self.write_error(500, "Internal Server Error", "", BadRequest(str(err), 500))
        except Silent as err:
            self.bad_request(BadRequest(str(err), 0, ""))
            self.wire.cut = True
            return
        self.handle_request(app, req)

    # -- gunicorn.http.message.Request ---------------------------------------------------------
    def parse(self):
        raw = self.ctx.raw
        if not raw:
            raise Silent("The client sent nothing; gunicorn closes the connection")
        head = parse_head(raw)
        end = raw.find(b"\r\n")
        if end < 0:
            if len(raw) - 2 > 8190:
                raise BadRequest("Request Line is too large (%s > 8190)" % len(raw))
            raise Silent("The request line never ends (no CRLF); gunicorn waits, then closes")
        if end > 8190:
            raise BadRequest("Request Line is too large (%s > 8190)" % end)
        line = raw[:end].decode("latin-1")
        bits = line.split(" ", 2)
        if len(bits) != 3:
            raise BadRequest("Invalid HTTP request line: %r" % line,
                             detail="Invalid Request Line '%s'" % ("Invalid HTTP request line: %r" % line))
        if not TOKEN_RE.fullmatch(bits[0]):
            raise BadRequest("Invalid HTTP method: %r" % bits[0],
                             detail="Invalid Method '%s'" % ("Invalid HTTP method: %r" % bits[0]))
        req = {"method": bits[0].upper(), "uri": bits[1]}
        try:
            uri = bits[1]
            parts = urlsplit("." + uri)._replace(path=urlsplit("." + uri).path[1:]) \
                if uri.startswith("//") else urlsplit(uri)
        except ValueError:
            raise BadRequest("Invalid HTTP request line: %r" % line,
                             detail="Invalid Request Line '%s'" % ("Invalid HTTP request line: %r" % line))
        req.update(path=parts.path or "", query=parts.query or "")
        match = VERSION_RE.fullmatch(bits[2])
        if match is None:
            raise BadRequest("Invalid HTTP Version: %r" % bits[2],
                             detail="Invalid HTTP Version '%s'" % ("Invalid HTTP Version: %r" % bits[2]))
        req["version"] = (int(match.group(1)), int(match.group(2)))
        if not head.complete:
            raise Silent("The header block never ends (no blank line); gunicorn waits, then closes")
        req["headers"], req["scheme"] = self.parse_headers(head), "http"
        self.set_body(req, head)
        self.head = head
        self.parsed(req["method"], req["uri"], bits[2], head.fields, req["body_bytes"])
        return req

    def parse_headers(self, head):
        headers, scheme_seen = [], None
        fields = list(head.fields)
        while fields:
            if len(headers) >= 100:
                raise BadRequest("limit request headers fields",
                                 detail="Error parsing headers: 'limit request headers fields'")
            f = fields.pop(0)
            length = len(f.line) + 2
            if f.line.find(":") <= 0:
                raise _invalid_header(f.line)
            name, value = f.line.split(":", 1)
            name = name.upper()
            if not TOKEN_RE.fullmatch(name):
                raise BadRequest("Invalid HTTP header name: %r" % name)
            values = [value.lstrip(" \t")]
            while fields and fields[0].line.startswith((" ", "\t")):
                more = fields.pop(0)
                length += len(more.line) + 2
                values.append(more.line.strip("\t "))
            if length > 8190:
                raise BadRequest("limit request headers fields size",
                                 detail="Error parsing headers: 'limit request headers fields size'")
            value = " ".join(values)
            if name in SECURE_SCHEME_HEADERS:  # the peer is 127.0.0.1, a forwarded_allow_ips default
                scheme = "https" if value == SECURE_SCHEME_HEADERS[name] else "http"
                if scheme_seen and scheme != scheme_seen:
                    raise BadRequest("Contradictory scheme headers")
                scheme_seen = scheme
            headers.append((name, value, f.span))
        self.scheme = scheme_seen or "http"
        return headers

    def set_body(self, req, head):
        chunked, length = False, None
        for name, value, _ in req["headers"]:
            if name == "CONTENT-LENGTH":
                if length is not None:
                    raise _invalid_header("CONTENT-LENGTH")
                length = value
            elif name == "TRANSFER-ENCODING":
                low = value.lower()
                if low == "chunked":
                    if chunked:
                        raise _invalid_header("TRANSFER-ENCODING")
                    chunked = True
                elif low == "identity":
                    if chunked:
                        raise _invalid_header("TRANSFER-ENCODING")
                else:
                    raise Fail500("Unsupported transfer coding: %r" % value)
        raw, start = self.ctx.raw, head.body_start
        req["body_span"] = (start, len(raw))
        if chunked:
            if req["version"] < (1, 1):
                raise _invalid_header("TRANSFER-ENCODING")
            if length is not None:
                raise _invalid_header("CONTENT-LENGTH")
            try:
                data, end, _ = dechunk(raw, start)
                req["body"], req["body_bytes"], req["body_span"] = data, data, (start, end)
            except BadRequest as err:
                req["body"], req["body_bytes"] = BrokenBody(err.reason), b""
            return
        try:
            n = int(length) if length is not None else 0
        except ValueError:
            raise _invalid_header("CONTENT-LENGTH")
        if n < 0:
            raise _invalid_header("CONTENT-LENGTH")
        req["body"] = req["body_bytes"] = raw[start:start + n]
        req["body_span"] = (start, min(start + n, len(raw)))

    # -- gunicorn.http.wsgi.create ------------------------------------------------------------
    def environ_for(self, req, resp):
        b = EnvironBuilder()
        words = self.head.words
        body = req["body"]
        stream = InputStream(body, self.trace) if isinstance(body, bytes) else body
        b.update({"wsgi.errors": ErrorStream(self.log, self.trace), "wsgi.version": (1, 0),
                  "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
                  "wsgi.file_wrapper": FileWrapper, "wsgi.input_terminated": True,
                  "SERVER_SOFTWARE": "gunicorn/20.1.0", "gunicorn.socket": SimulatedSocket()})
        b.set("wsgi.input", stream, req["body_span"])
        b.set("REQUEST_METHOD", req["method"], words[0][1])
        b.set("QUERY_STRING", req["query"], words[1][1])
        b.set("RAW_URI", req["uri"], words[1][1])
        b.set("SERVER_PROTOCOL", "HTTP/%d.%d" % req["version"], words[2][1])
        script_name = ""
        for name, value, span in req["headers"]:
            if name == "EXPECT" and value.lower() == "100-continue":
                self.wire.send(b"HTTP/1.1 100 Continue\r\n\r\n", "interim")
            elif name == "SCRIPT_NAME":
                script_name = value
            elif name == "CONTENT-TYPE":
                b.set("CONTENT_TYPE", value, span)
                continue
            elif name == "CONTENT-LENGTH":
                b.set("CONTENT_LENGTH", value, span)
                continue
            key = "HTTP_" + name.replace("-", "_")
            if key in b.environ:
                b.environ[key] = "%s,%s" % (b.environ[key], value)
            else:
                b.set(key, value, span)
        b.set("wsgi.url_scheme", self.scheme)
        b.set("REMOTE_ADDR", self.ctx.client_addr[0])
        b.set("REMOTE_PORT", str(self.ctx.client_addr[1]))
        b.set("SERVER_NAME", self.ctx.server_addr[0])
        b.set("SERVER_PORT", str(self.ctx.server_addr[1]))
        path = req["path"]
        if script_name:
            path = path.split(script_name, 1)[1]
        # util.unquote_to_wsgi_str: unquote_to_bytes(str) encodes non-ASCII as UTF-8 first.
        b.set("PATH_INFO", unquote_to_bytes(path).decode("latin-1"), words[1][1])
        b.set("SCRIPT_NAME", script_name)
        self.built(b)
        return b.environ

    # -- gunicorn.workers.sync.SyncWorker.handle_request ---------------------------------------
    def handle_request(self, app, req):
        resp = Response(req, self.wire, self.trace)
        try:
            environ = self.environ_for(req, resp)
            resp.force_close()
            respiter = self.call_app(app, environ, resp.start_response)
            try:
                if isinstance(respiter, FileWrapper):
                    resp.write_file(respiter, self.items)
                else:
                    for item in self.items(respiter):
                        resp.write(item)
                resp.close()
                self.body_done()
            finally:
                self.close_result(respiter)
        except OSError as exc:
            self.app_failed(exc, "[ERROR] Socket error processing request.\n")
            self.wire.cut = True
        except Exception as exc:
            if resp.headers_sent:
                self.app_failed(exc, "[ERROR] Error handling request %s\n" % req["uri"])
                self.wire.cut = True
                return
            self.app_failed(exc, "[ERROR] Error handling request %s\n" % req["uri"])
            err = getattr(exc, "gunicorn_400", None)
            if err is not None:
                return self.write_error(400, "Bad Request", err, None)
            self.write_error(500, "Internal Server Error", "", None)

    def write_error(self, status, reason, mesg, err):
        """gunicorn.util.write_error: a small HTML page, Connection: close."""
        if err is not None:
            self.bad_request(err)
        page = textwrap.dedent("""\
        <html>
          <head>
            <title>%(reason)s</title>
          </head>
          <body>
            <h1><p>%(reason)s</p></h1>
            %(mesg)s
          </body>
        </html>
        """) % {"reason": reason, "mesg": html.escape(mesg)}
        head = "HTTP/1.1 %s %s\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % (
            status, reason, len(page))
        try:
            data = (head + page).encode("latin-1")
        except UnicodeEncodeError:
            # The message quotes a non-latin-1 header value: gunicorn's write_error fails to encode
            # its own page, logs "Failed to send error message." at debug level and sends nothing.
            self.log.write("[DEBUG] Failed to send error message.\n")
            self.wire.cut = True
            return
        self.trace.emit("error_response", status="%s %s" % (status, reason))
        self.wire.send(data, "error_page")


def _invalid_header(hdr):
    return BadRequest("Invalid HTTP Header: %r" % hdr)


class SimulatedSocket:
    """Stands in for environ['gunicorn.socket']; the simulator has no real socket."""

    def __repr__(self):
        return "<simulated socket>"


def http_date():
    """gunicorn.util.http_date."""
    return formatdate(usegmt=True)
