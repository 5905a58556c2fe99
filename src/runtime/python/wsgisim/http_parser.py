"""Tokenise a raw HTTP/1.x request: request line, header fields and body, with byte offsets.

The tokeniser is deliberately lenient and records where every piece came from (so the trace can
point at the raw bytes behind each environ key). Each server personality then applies its own
rules and raises BadRequest where that server would answer 400.
"""
import re

VERSION_RE = re.compile(r"HTTP/(\d+)\.(\d+)")
TOKEN_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


class BadRequest(Exception):
    """A request the server refuses; `reason` is the plain-English cause shown to the reader."""

    def __init__(self, reason, status=400, phrase="Bad Request", detail=None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.phrase = phrase
        self.detail = detail if detail is not None else reason


class Field:
    """One header line: name and value as latin-1 text, the value untrimmed, and its byte span."""

    def __init__(self, name, value, span, line):
        self.name, self.value, self.span, self.line = name, value, span, line

    def __repr__(self):
        return "Field(%r, %r)" % (self.name, self.value)


class Head:
    """The request line and header block of a raw request."""

    def __init__(self, raw):
        self.raw = raw
        self.line = b""            # the request line, without CRLF
        self.words = []            # (text, (start, end)) for each space-separated word
        self.fields = []           # Field, in order
        self.body_start = len(raw)
        self.line_complete = False # a CRLF ended the request line
        self.complete = False      # a blank line ended the header block

    def field(self, name):
        """The first field named `name` (case-insensitive), or None."""
        name = name.lower()
        return next((f for f in self.fields if f.name.lower() == name), None)


def parse_head(raw):
    """Split `raw` into the request line, header fields and the offset where the body starts."""
    head = Head(raw)
    pos = 0
    # RFC 9112 section 2.2: a server should ignore empty lines before the request line.
    while raw.startswith(b"\r\n", pos):
        pos += 2
    end = raw.find(b"\r\n", pos)
    if end < 0:
        head.line = raw[pos:]
        _split_words(head, pos)
        return head
    head.line = raw[pos:end]
    head.line_complete = True
    _split_words(head, pos)
    pos = end + 2
    while True:
        end = raw.find(b"\r\n", pos)
        if end < 0:
            return head
        if end == pos:
            head.body_start = end + 2
            head.complete = True
            return head
        line = raw[pos:end]
        name, colon, value = line.partition(b":")
        head.fields.append(Field(name.decode("latin-1"), value.decode("latin-1") if colon else None,
                                 (pos, end), line.decode("latin-1")))
        pos = end + 2


def _split_words(head, offset):
    start = 0
    for word in head.line.split(b" "):
        if word:
            head.words.append((word.decode("latin-1"), (offset + start, offset + start + len(word))))
        start += len(word) + 1


def split_target(target):
    """(scheme, netloc, path, query, fragment) of a request-target, all still percent-encoded."""
    scheme = netloc = ""
    rest = target
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)", target)
    if match and not target.startswith("/"):
        scheme, netloc = match.group(1), match.group(2)
        rest = target[match.end():]
    rest, _, fragment = rest.partition("#")
    path, _, query = rest.partition("?")
    return scheme, netloc, path, query, fragment


def incomplete(reason):
    """A BadRequest for a request that has not ended yet: a server would wait for more bytes."""
    err = BadRequest(reason)
    err.incomplete = True  # more bytes could still arrive: a server would wait for them
    return err


def dechunk(raw, pos):
    """Decode a chunked body starting at `pos`: (data, end offset, trailer lines)."""
    data = bytearray()
    while True:
        end = raw.find(b"\r\n", pos)
        if end < 0:
            raise incomplete("The chunked body ends before its last chunk (no '0' chunk)")
        size_text = raw[pos:end].split(b";", 1)[0].strip()
        if not size_text or any(c not in b"0123456789abcdefABCDEF" for c in size_text):
            raise BadRequest("Invalid chunk size %r in the chunked body" % size_text)
        size = int(size_text, 16)
        pos = end + 2
        if size == 0:
            break
        if len(raw) < pos + size + 2:
            raise incomplete("A chunk is shorter than its declared size (%d bytes)" % size)
        data += raw[pos:pos + size]
        if raw[pos + size:pos + size + 2] != b"\r\n":
            raise BadRequest("A chunk is not followed by CRLF")
        pos += size + 2
    trailers = []
    while True:
        end = raw.find(b"\r\n", pos)
        if end < 0:
            err = incomplete("The chunked body's trailer section has not ended (no blank line "
                              "after the last chunk)")
            err.decoded = bytes(data)  # the whole body is there: only the trailers are unfinished
            raise err
        if end == pos:
            return bytes(data), end + 2, trailers
        trailers.append(raw[pos:end])
        pos = end + 2
