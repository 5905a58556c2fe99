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


class GunicornParser:
    """Mixin for GunicornServer: parse ctx.raw into gunicorn's request."""

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
            req["missing"] = 0
            try:
                data, end, _ = dechunk(raw, start)
                req["body"], req["body_bytes"], req["body_span"] = data, data, (start, end)
            except BadRequest as err:
                if getattr(err, "incomplete", False):  # gunicorn waits for the rest of the chunks
                    req["body"], req["body_bytes"], req["missing"] = raw[start:], b"", -1
                else:
                    req["body"], req["body_bytes"] = BrokenBody(err.reason), b""
            return
        try:
            n = int(length) if length is not None else 0
        except ValueError:
            raise _invalid_header("CONTENT-LENGTH")
        if n < 0:
            raise _invalid_header("CONTENT-LENGTH")
        req["body"] = req["body_bytes"] = raw[start:start + n]
        req["missing"] = max(n - (len(raw) - start), 0)
        req["body_span"] = (start, min(start + n, len(raw)))


def _invalid_header(hdr):
    return BadRequest("Invalid HTTP Header: %r" % hdr)
