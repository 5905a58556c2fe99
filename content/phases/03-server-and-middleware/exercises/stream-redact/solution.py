import re

SECRET = re.compile(rb"secret-[0-9]+")


def export_lines(rows):
    """A header line, then one line per row, made one at a time."""
    yield b"id,token\n"
    for i in range(1, rows + 1):
        yield f"{i},secret-{i:05d}\n".encode("ascii")


class Export:
    """The inner app's body; close() frees what it holds, as an open file or cursor would."""

    open_exports = 0

    def __init__(self, rows):
        self.rows = rows
        Export.open_exports += 1

    def __iter__(self):
        return export_lines(self.rows)

    def close(self):
        Export.open_exports -= 1


def export_app(environ, start_response):
    if environ["PATH_INFO"] == "/open":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [f"open exports: {Export.open_exports}\n".encode("ascii")]
    size = sum(len(line) for line in export_lines(500))
    start_response("200 OK", [("Content-Type", "text/csv"), ("Content-Length", str(size))])
    return Export(500)


class Redacted:
    """Rewrites each chunk as the server pulls it; never holds more than one chunk."""

    def __init__(self, inner):
        self.inner = inner
        if hasattr(inner, "close"):
            self.close = inner.close  # the server must still reach the inner body's close()

    def __iter__(self):
        for chunk in self.inner:
            yield SECRET.sub(b"[redacted]", chunk)


def redact(app):
    """Replace every secret-NNNNN in the body with [redacted]."""
    def middleware(environ, start_response):
        def start_without_length(status, headers, exc_info=None):
            # The new body has another length: the app's Content-Length would be a lie.
            headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
            return start_response(status, headers, exc_info)
        return Redacted(app(environ, start_without_length))
    return middleware


app = redact(export_app)
