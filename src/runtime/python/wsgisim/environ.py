"""Helpers to build the PEP 3333 environ, remembering which raw bytes each key came from."""
from urllib.parse import unquote_to_bytes


def bytes_as_unicode(path):
    """Percent-decode `path` (latin-1 text of the raw bytes) to PEP 3333 "bytes as unicode"."""
    return unquote_to_bytes(path.encode("latin-1")).decode("latin-1")


def http_key(name):
    """The CGI name of a request header: HTTP_ + upper case, '-' becomes '_'."""
    return "HTTP_" + name.upper().replace("-", "_")


class EnvironBuilder:
    """An environ dict plus, for each key, the [start, end] byte range of the raw request behind it."""

    def __init__(self):
        self.environ = {}
        self.sources = {}

    def set(self, key, value, span=None):
        """Set one key; `span` is where in the raw request the value came from."""
        self.environ[key] = value
        if span is not None:
            self.sources[key] = [span[0], span[1]]
        else:
            self.sources.pop(key, None)

    def update(self, values):
        """Set keys that come from the server, not from the request bytes."""
        for key, value in values.items():
            self.set(key, value)


def jsonable(environ):
    """The environ as plain data: str values as they are, anything else as {"type", "repr"}."""
    out = {}
    for key in sorted(environ):
        value = environ[key]
        if isinstance(value, str):
            out[key] = value
        else:
            out[key] = {"type": type(value).__name__, "repr": repr(value)[:200]}
    return out
