"""gunicorn 20.1.0's request parsing (gunicorn/http/message.py, Debian 12 patched): request line,
header fields and body framing, with the same refusals (400, a bare 500, or silence)."""
import re
from urllib.parse import urlsplit

from ..http_parser import BadRequest, dechunk, parse_head

TOKEN_RE = re.compile(r"[!#$%&'*+\-.\^_`|~0-9a-zA-Z]+")
VERSION_RE = re.compile(r"HTTP/(\d+)\.(\d+)")
SECURE_SCHEME_HEADERS = {"X-FORWARDED-PROTOCOL": "ssl", "X-FORWARDED-PROTO": "https",
                         "X-FORWARDED-SSL": "on"}


class Silent(Exception):
    """gunicorn closes the connection without answering (client gone, socket error)."""


class Fail500(Exception):
    """An error gunicorn's handle_error answers with a bare 500 (not one of its 400 classes)."""


class NoMoreData(Exception):
    """gunicorn.http.errors.NoMoreData: end-of-file in the middle of a request's body."""


class BrokenBody:
    """wsgi.input over a chunked body gunicorn cannot decode (or that ends at end-of-file):
    reading raises, as its ChunkedReader does."""

    def __init__(self, reason, error=OSError):
        self.reason, self.error = reason, error

    def read(self, *args):
        raise self.error(self.reason)

    readline = readlines = read

    def __iter__(self):
        return self

    def __next__(self):
        raise self.error(self.reason)


class GunicornParser:
    """Mixin for GunicornServer: parse ctx.raw into gunicorn's request."""

    # gunicorn 20.1's defaults (config.py) and its socket reads (http/unreader.py SocketUnreader).
    limit_request_line = 4094          # --limit-request-line; 8190 (MAX_REQUEST_LINE) is the hard cap
    limit_request_fields = 100         # --limit-request-fields
    limit_request_field_size = 8190    # --limit-request-field_size
    recv_size = 8192                   # bytes per socket read: the line limit is checked per read

    @property
    def max_buffer_headers(self):
        """message.py: how many bytes of header section gunicorn buffers looking for its end."""
        return self.limit_request_fields * (self.limit_request_field_size + 2) + 4

    def parse(self):
        raw = self.ctx.raw
        if not raw:
            self.incomplete("Nothing has arrived yet: gunicorn waits for the request line")
            raise Silent("The client sent nothing; gunicorn closes the connection")
        end = self.read_line(raw)
        head = parse_head(raw)
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
        self.read_header_section(raw, end + 2)
        req["headers"], req["scheme"] = self.parse_headers(head), "http"
        self.set_body(req, head)
        self.head = head
        self.parsed(req["method"], req["uri"], bits[2], head.fields, req["body_bytes"])
        return req

    def read_line(self, raw):
        """Message.read_line: where the request line ends, reading the socket piece by piece."""
        got = min(self.recv_size, len(raw))
        limit = self.limit_request_line
        while True:
            idx = raw.find(b"\r\n", 0, got)
            if idx >= 0:
                if idx > limit:
                    raise BadRequest("Request Line is too large (%d > %d)" % (idx, limit))
                return idx
            if got - 2 > limit:
                raise BadRequest("Request Line is too large (%d > %d)" % (got, limit))
            if got >= len(raw):
                self.incomplete("The request line has not ended (no CRLF yet): gunicorn waits for it")
                raise Silent("The client closed before the request line ended; gunicorn ignores the "
                             "premature disconnection and closes the connection")
            got = min(got + self.recv_size, len(raw))

    def read_header_section(self, raw, start):
        """Request.parse: read until the blank line that ends the headers (or give up)."""
        rest = raw[start:]
        got = min(self.recv_size, len(raw)) - start
        while not (rest.startswith(b"\r\n") or b"\r\n\r\n" in rest[:max(got, 0)]):
            if got >= len(rest):
                self.incomplete("The header section has not ended (no blank line yet): gunicorn waits for it")
                raise Silent("The client closed before the headers ended; gunicorn ignores the "
                             "premature disconnection and closes the connection")
            got = min(got + self.recv_size, len(rest))
            if got > self.max_buffer_headers:
                raise BadRequest("max buffer headers", detail="Error parsing headers: 'max buffer headers'")

    def parse_headers(self, head):
        headers, scheme_seen = [], None
        fields = list(head.fields)
        while fields:
            if len(headers) >= self.limit_request_fields:
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
            if length > self.limit_request_field_size:
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
            req["missing"] = 0
            try:
                data, end, _ = dechunk(raw, start)
                req["body"], req["body_bytes"], req["body_span"] = data, data, (start, end)
            except BadRequest as err:
                decoded = getattr(err, "decoded", None)
                if decoded is not None:  # only the trailers are unfinished: read them at the end
                    req["body"] = req["body_bytes"] = decoded
                    req["missing"] = 0 if self.ctx.half_close else -1
                elif not getattr(err, "incomplete", False):
                    req["body"], req["body_bytes"] = BrokenBody(err.reason), b""
                elif self.ctx.half_close:  # ChunkedReader meets end-of-file: NoMoreData
                    req["body"], req["body_bytes"] = BrokenBody(err.reason, NoMoreData), b""
                else:  # gunicorn waits for the rest of the chunks
                    req["body"], req["body_bytes"], req["missing"] = raw[start:], b"", -1
            return
        try:
            n = int(length) if length is not None else 0
        except ValueError:
            raise _invalid_header("CONTENT-LENGTH")
        if n < 0:
            raise _invalid_header("CONTENT-LENGTH")
        req["body"] = req["body_bytes"] = raw[start:start + n]
        # LengthReader stops at end-of-file: a half-closed client's short body reads short.
        req["missing"] = 0 if self.ctx.half_close else max(n - (len(raw) - start), 0)
        req["body_span"] = (start, min(start + n, len(raw)))


def _invalid_header(hdr):
    return BadRequest("Invalid HTTP Header: %r" % hdr)
