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


def catch_errors(app):
    """Answer 500 instead of a broken response, and log the traceback."""
    def middleware(environ, start_response):
        try:
            return app(environ, start_response)
        except Exception:
            traceback.print_exc(file=environ["wsgi.errors"])
            body = b"Internal error. It has been logged.\n"
            start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8"),
                                                         ("Content-Length", str(len(body)))], sys.exc_info())
            return [body]
    return middleware


app = catch_errors(report)
