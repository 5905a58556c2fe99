"""waitress 2.1.2 as Debian 12 packages it: HTTPRequestParser (parser.py) and WSGITask (task.py),
with the error pages of utilities.py. One request per simulated connection."""
import re
from urllib.parse import unquote_to_bytes, urlsplit

from ..environ import EnvironBuilder
from ..http_parser import BadRequest, parse_head
from ..streams import ErrorStream, InputStream
from .base import BaseServer
from .waitress_task import ReadOnlyFileBasedBuffer, WSGITask, error_response

TCHAR = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]"
FIELD_VCHAR = r"[\x21-\x7e\x80-\xff]"
FIELD_VALUE = "(?:" + FIELD_VCHAR + "+(?:[ \t]+" + FIELD_VCHAR + "+)*)?"
HEADER_FIELD_RE = re.compile(("^(?P<name>" + TCHAR + "+):[ \t]*?(?P<value>" + FIELD_VALUE
                              + ")[ \t]*?$").encode("latin-1"))
FIRST_LINE_RE = re.compile(b"([^ ]+) ((?:[^ :?#]+://[^ ?#/]*(?:[0-9]{1,5})?)?[^ ]+)(( HTTP/([0-9.]+))$|$)")
ONLY_DIGIT_RE = re.compile(b"^[0-9]+$")
CHUNK_EXT_RE = re.compile(rb"^(?:;[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?:=(?:[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
                          rb"|\"(?:[\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]|\\[\t \x21-\x7e\x80-\xff])*\"))?)*$")


class Ignored(Exception):
    """waitress never answers: an empty or unfinished request (it waits for more bytes)."""


class WaitressServer(BaseServer):
    name = "waitress"
    version = "waitress 2.1.2 (Debian 12)"
    description = ("waitress, as Debian 12 packages it: HTTP/1.1, keeps the connection alive when it "
                   "knows the length, so pipelined requests are served in turn.")
    max_request_header_size = 262144   # adjustments.py: a header section this long gets a 431
    channel_timeout = 120              # adjustments.py: seconds without activity before it closes
    limits = ("max_request_header_size", "channel_timeout")
    pip_package = "waitress"
    serve_command = "waitress-serve --listen=127.0.0.1:8000 {app}"
    wait_message = ("waitress keeps the connection open and answers nothing; after channel_timeout "
                    "(%d s) without activity it closes the connection." % channel_timeout)

    def serve(self, app):
        try:
            req = self.parse()
        except Ignored as err:
            self.incomplete(str(err))  # the client has half-closed: waitress closes, unanswered
            self.bad_request(BadRequest("%s, and the client closed its side: waitress closes the "
                                        "connection without answering" % err, 0, ""))
            self.wire.cut = True
            return
        except BadRequest as err:
            self.bad_request(err)
            version = getattr(err, "version", "1.0")
            return error_response(self, err.status, err.phrase, err.detail, version, "")
        except Exception as exc:  # e.g. ValueError from urlsplit: waitress's own parser fails
            return self.parser_crashed(exc)
        self.consumed = req["body_span"][1]
        task = WSGITask(self, req)
        task.service(app)

    def parser_crashed(self, exc):
        """wasyncore's handle_error: an exception in the parser is logged and the channel closed,
        with nothing sent. What waitress 2.1.2 itself does (a waitress bug), not a simulator one."""
        host, port = self.ctx.client_addr
        self.log.write("ERROR:waitress:uncaptured python exception, closing channel "
                       "<waitress.channel.HTTPChannel connected %s:%s> (%s:%s [waitress/parser.py|"
                       "received] [waitress/parser.py|parse_header] [waitress/parser.py|split_uri])\n"
                       % (host, port, type(exc), exc))
        self.bad_request(BadRequest("waitress's own request parser raised %s: %s; waitress logs it "
                                    "and closes the connection without answering"
                                    % (type(exc).__name__, exc), 0, ""))
        self.wire.cut = True

    def parse(self):
        raw = self.ctx.raw
        end = raw.find(b"\r\n\r\n")
        if end < 0:
            if len(raw) >= self.max_request_header_size:
                raise _bad("exceeds max_header of %d" % self.max_request_header_size, 431,
                           "Request Header Fields Too Large")
            raise Ignored("The header section has not ended (no blank line yet)")
        header_plus = raw[:end + 4].lstrip()  # find_double_newline returns the end of CRLFCRLF
        if not header_plus:
            raise Ignored("Only blank lines so far: waitress ignores them and waits for a request")
        if end >= self.max_request_header_size:
            raise _bad("exceeds max_header of %d" % self.max_request_header_size, 431,
                       "Request Header Fields Too Large")
        index = header_plus.find(b"\r\n")
        if index < 0:
            raise _bad("HTTP message header invalid")
        first_line, header = header_plus[:index].rstrip(), header_plus[index + 2:]
        if b"\r" in first_line or b"\n" in first_line:
            raise _bad("Bare CR or LF found in HTTP message")
        headers = {}
        spans = {}
        offset = end + 4 - len(header)
        for line, span in _header_lines(header, offset):
            m = HEADER_FIELD_RE.match(line)
            if not m:
                raise _bad("Invalid header")
            key, value = m.group("name", "value")
            if b"_" in key:
                continue  # waitress drops names with "_" so they cannot pose as other headers
            value = value.strip(b" \t")
            key1 = key.upper().replace(b"-", b"_").decode("latin-1")
            if key1 in headers:
                headers[key1] += (b", " + value).decode("latin-1")
            else:
                headers[key1], spans[key1] = value.decode("latin-1"), span
        m = FIRST_LINE_RE.match(first_line)
        if m is None or m.end() != len(first_line):
            method = uri = version = b""
        else:
            method, uri = m.group(1), m.group(2)
            version = m.group(5) if m.group(3) else b""
            if method != method.upper():
                raise _bad('Malformed HTTP method "%s"' % method.decode("latin-1"))
        req = {"command": method.decode("latin-1"), "request_uri": uri.decode("latin-1"),
               "version": version.decode("latin-1"), "headers": headers, "spans": spans,
               "chunked": False, "expect_continue": False}
        try:
            req["path"], req["query"] = _split_uri(uri)
        except BadRequest as err:
            err.version = req["version"] if req["version"] in ("1.0", "1.1") else "1.0"
            raise
        connection = headers.get("CONNECTION", "")
        req["connection_close"] = req["version"] == "1.0" and connection.lower() != "keep-alive"
        body_start = end + 4
        if req["version"] == "1.1":
            te = headers.pop("TRANSFER_ENCODING", "")
            encodings = [e.strip(" \t").lower() for e in te.split(",") if e]
            if any(e != "chunked" for e in encodings):
                raise _bad("Transfer-Encoding requested is not supported.", 501, "Not Implemented",
                           version="1.1")
            req["chunked"] = bool(encodings)
            req["expect_continue"] = headers.get("EXPECT", "").lower() == "100-continue"
            req["connection_close"] = connection.lower() == "close"
        if req["chunked"]:
            body, body_end = _dechunk(raw, body_start, req["version"])
            headers["CONTENT_LENGTH"] = str(len(body))
        else:
            cl = headers.get("CONTENT_LENGTH", "0")
            if not ONLY_DIGIT_RE.match(cl.encode("latin-1")):
                raise _bad("Content-Length is invalid", version=req["version"])
            if int(cl) > len(raw) - body_start:
                raise Ignored("The body is shorter than its Content-Length")
            body, body_end = raw[body_start:body_start + int(cl)], body_start + int(cl)
        req["body"], req["body_span"] = body, (body_start, body_end)
        self.head = parse_head(raw)
        self.parsed(req["command"], req["request_uri"], req["version"], self.head.fields, body)
        return req

    def environ_for(self, req, task):
        """WSGITask.get_environment."""
        b = EnvironBuilder()
        words = self.head.words
        target = words[1][1] if len(words) > 1 else None
        path = req["path"]
        if path.startswith("/"):
            path = "/" + path.lstrip("/")
        host, port = self.ctx.server_addr
        b.update({"REMOTE_ADDR": self.ctx.client_addr[0], "REMOTE_HOST": self.ctx.client_addr[0],
                  "REMOTE_PORT": str(self.ctx.client_addr[1]), "SERVER_PORT": str(port),
                  "SERVER_NAME": "waitress.invalid", "SERVER_SOFTWARE": "waitress",
                  "SCRIPT_NAME": ""})
        b.set("REQUEST_METHOD", req["command"].upper(), words[0][1] if words else None)
        b.set("SERVER_PROTOCOL", "HTTP/%s" % task.version, words[2][1] if len(words) > 2 else None)
        b.set("PATH_INFO", path, target)
        b.set("REQUEST_URI", req["request_uri"], target)
        b.set("QUERY_STRING", req["query"], target)
        b.update({"wsgi.url_scheme": "http", "wsgi.version": (1, 0),
                  "wsgi.errors": ErrorStream(self.log, self.trace), "wsgi.multithread": True,
                  "wsgi.multiprocess": False, "wsgi.run_once": False,
                  "wsgi.file_wrapper": ReadOnlyFileBasedBuffer, "wsgi.input_terminated": True})
        b.set("wsgi.input", InputStream(req["body"], self.trace), req["body_span"])
        for key, value in req["headers"].items():
            mykey = key if key in ("CONTENT_LENGTH", "CONTENT_TYPE") else "HTTP_" + key
            if mykey not in b.environ:
                b.set(mykey, value.strip(), req["spans"].get(key))
        b.set("waitress.client_disconnected", lambda: False)
        self.built(b)
        return b.environ


def _bad(reason, status=400, phrase="Bad Request", version="1.0"):
    err = BadRequest(reason, status, phrase)
    err.version = version if version in ("1.0", "1.1") else "1.0"
    return err


def _header_lines(header, offset):
    lines, pos = [], offset
    for line in header.split(b"\r\n"):
        span = (pos, pos + len(line))
        pos += len(line) + 2
        if not line:
            continue
        if b"\r" in line or b"\n" in line:
            raise _bad('Bare CR or LF found in header line "%s"' % line.decode("latin-1"))
        if line.startswith((b" ", b"\t")):
            if not lines:
                raise _bad('Malformed header line "%s"' % line.decode("latin-1"))
            lines[-1] = (lines[-1][0] + line, (lines[-1][1][0], span[1]))
        else:
            lines.append((line, span))
    return lines


def _split_uri(uri):
    """waitress.parser.split_uri: (path as bytes-as-unicode, raw query)."""
    if uri[:2] == b"//":
        path, query = uri.split(b"#", 1)[0], b""
        if b"?" in path:
            path, query = path.split(b"?", 1)
    else:
        try:
            parts = urlsplit(uri)
        except UnicodeError:
            raise _bad("Bad URI")
        path, query = parts.path, parts.query
    return unquote_to_bytes(path).decode("latin-1"), query.decode("latin-1")


def _dechunk(raw, pos, version):
    body = bytearray()
    while True:
        end = raw.find(b"\r\n", pos)
        if end < 0:
            raise Ignored("The chunked body has not ended")
        line, pos = raw[pos:end], end + 2
        if not line:
            continue
        semi = line.find(b";")
        if semi >= 0:
            if not CHUNK_EXT_RE.match(line[semi:]):
                raise _bad("Invalid chunk extension", version=version)
            line = line[:semi]
        if not re.fullmatch(b"[0-9a-fA-F]+", line):
            raise _bad("Invalid chunk size", version=version)
        size = int(line, 16)
        if size == 0:
            trailer_end = raw.find(b"\r\n\r\n", pos - 2)
            if trailer_end < 0:
                raise Ignored("The chunked body's trailer section has not ended (no blank line)")
            return bytes(body), trailer_end + 4
        if len(raw) < pos + size + 2:
            raise Ignored("A chunk is shorter than its size")
        body += raw[pos:pos + size]
        if raw[pos + size:pos + size + 2] != b"\r\n":
            raise _bad("Chunk not properly terminated", version=version)
        pos += size + 2
