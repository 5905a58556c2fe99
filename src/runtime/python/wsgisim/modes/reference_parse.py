"""The reference server's request parsing: RFC 9112 rules, each refusal a 400 with a plain reason."""
import re

from ..http_parser import BadRequest, dechunk, incomplete, parse_head, split_target

TOKEN_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
VERSION_RE = re.compile(r"HTTP/(\d)\.(\d)")
VALUE_RE = re.compile(r"[\t \x21-\x7e\x80-\xff]*")


def parse(raw, max_line, max_fields):
    """(head, request dict) or BadRequest naming what is wrong with the request (with `incomplete`
    set when the request has simply not ended yet)."""
    head = parse_head(raw)
    if not raw:
        raise incomplete("Nothing has arrived yet")
    if not raw.strip():
        raise BadRequest("The request is empty")
    if len(head.line) > max_line:
        raise BadRequest("The request line is longer than %d bytes" % max_line, 414, "URI Too Long")
    if not head.line_complete:
        raise incomplete("The request line has not ended (no CRLF yet)")
    words = head.line.split(b" ")
    if len(words) != 3 or not all(words):
        raise BadRequest("The request line must be METHOD, one space, target, one space, "
                         "version (got %r)" % head.line.decode("latin-1"))
    method, target, version = (w.decode("latin-1") for w in words)
    if not TOKEN_RE.fullmatch(method):
        raise BadRequest("The method %r has characters a method name cannot have" % method)
    match = VERSION_RE.fullmatch(version)
    if not match:
        raise BadRequest("The HTTP version %r is not of the form HTTP/1.1" % version)
    if match.group(1) != "1":
        raise BadRequest("Only HTTP/1.x is spoken here (got %s)" % version, 505,
                         "HTTP Version Not Supported")
    if any(c in target for c in "\x00\t\r\n\x7f"):
        raise BadRequest("The request target contains control characters")
    if not head.complete:
        raise incomplete("The header section has not ended: no blank line after the headers")
    if len(head.fields) > max_fields:
        raise BadRequest("More than %d header lines" % max_fields, 431, "Request Header Fields Too Large")
    fields = []
    for field in head.fields:
        if field.line[:1] in (" ", "\t"):
            # Obsolete line folding (RFC 9112 5.2): all three servers accept it; unfold with a space.
            if not fields:
                raise BadRequest("The first header line starts with whitespace")
            last = fields[-1]
            last.value = last.value.rstrip(" \t") + " " + field.line.strip(" \t")
            last.span = (last.span[0], field.span[1])
            continue
        fields.append(field)
        if field.value is None:
            raise BadRequest("The header line %r has no colon" % field.line[:60])
        if not TOKEN_RE.fullmatch(field.name):
            raise BadRequest("The header name %r is not a valid token (no spaces before the colon)"
                             % field.name[:60])
        if not VALUE_RE.fullmatch(field.value):
            raise BadRequest("The value of header %r contains control characters" % field.name)
    scheme, netloc, path, query, _ = split_target(target)
    if not (path.startswith("/") or scheme or (method == "OPTIONS" and target == "*")):
        raise BadRequest("The request target %r is neither a path nor an absolute URL" % target[:60])
    req = {"method": method, "target": target, "version": version, "path": path, "query": query,
           "minor": int(match.group(2)), "fields": fields}
    req["body"], req["body_span"], req["chunked"] = body(raw, head, req)
    return head, req


def body(raw, head, req):
    """The request body by its framing: (bytes, (start, end), chunked?)."""
    start = head.body_start
    lengths = {f.value.strip() for f in req["fields"] if f.name.lower() == "content-length"}
    codings = [f.value.strip().lower() for f in req["fields"] if f.name.lower() == "transfer-encoding"]
    if codings:
        if req["minor"] == 0:
            raise BadRequest("Transfer-Encoding is not allowed in an HTTP/1.0 request")
        if lengths:
            raise BadRequest("A request must not have both Transfer-Encoding and Content-Length")
        if codings != ["chunked"]:
            raise BadRequest("Only 'Transfer-Encoding: chunked' is supported (got %r)"
                             % ", ".join(codings), 501, "Not Implemented")
        data, end, _ = dechunk(raw, start)
        return data, (start, end), True
    if len(lengths) > 1:
        raise BadRequest("Conflicting Content-Length headers: %s" % ", ".join(sorted(lengths)))
    length = lengths.pop() if lengths else "0"
    if not length.isdigit():
        raise BadRequest("Content-Length must be a number of bytes, not %r" % length)
    n = int(length)
    if len(raw) - start < n:
        raise incomplete("The body has %d bytes but Content-Length says %d" % (len(raw) - start, n))
    return raw[start:start + n], (start, start + n), False
