import sys
import traceback
from urllib.parse import parse_qs

TOTALS = {"apples": 3, "plums": 12}
open_reports = 0  # reports whose body has not been closed yet


def report(environ, start_response):
    """A generator app: none of this runs until the server asks for the first chunk."""
    global open_reports
    if environ["PATH_INFO"] == "/open":
        start_response("200 OK", [("Content-Type", "text/plain")])
        yield f"open reports: {open_reports}\n".encode("ascii")
        return
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    open_reports += 1
    try:
        fruit = parse_qs(environ.get("QUERY_STRING", "")).get("fruit", ["apples"])[0]
        total = TOTALS[fruit]  # KeyError for a fruit nobody counted
        yield f"{fruit}: {total}\n".encode("utf-8")
        yield b"(counted today)\n"
    finally:
        open_reports -= 1


class Rest:
    """The first chunk, already taken, then the rest of the app's body; close() reaches the app's."""

    def __init__(self, first, iterator, inner):
        self.first, self.iterator = first, iterator
        if hasattr(inner, "close"):
            self.close = inner.close

    def __iter__(self):
        yield self.first
        yield from self.iterator


def catch_errors(app):
    """Answer 500 instead of a broken response, and log the traceback."""
    def middleware(environ, start_response):
        result = None
        try:
            result = app(environ, start_response)
            # A generator app runs only when iterated: take its first chunk here, inside the try,
            # so an error before anything was sent can still become a clean 500.
            iterator = iter(result)
            first = next(iterator, b"")
        except Exception:
            traceback.print_exc(file=environ["wsgi.errors"])
            if hasattr(result, "close"):
                result.close()
            body = b"Internal error. It has been logged.\n"
            # exc_info: the app already called start_response; nothing was sent, so it may be replaced.
            start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8"),
                                                         ("Content-Length", str(len(body)))], sys.exc_info())
            return [body]
        return Rest(first, iterator, result)
    return middleware


app = catch_errors(report)
