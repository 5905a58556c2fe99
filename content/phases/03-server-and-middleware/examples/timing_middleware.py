import time
from urllib.parse import parse_qs


# The greeter from phase 2, shortened.
def greeter(environ, start_response):
    path = environ.get("PATH_INFO", "") or "/"
    if path == "/":
        status, text = "200 OK", "Welcome to the greeter.\n"
    elif path == "/greet":
        name = parse_qs(environ.get("QUERY_STRING", "")).get("name", ["stranger"])[0]
        status, text = "200 OK", f"Hello, {name}!\n"
    else:
        status, text = "404 Not Found", "Nothing here.\n"
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


class TimedBody:
    """Passes the body through and stops the clock when the server closes it."""

    def __init__(self, body, started, log):
        self.body, self.started, self.log = body, started, log

    def __iter__(self):
        return iter(self.body)

    def close(self):
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            elapsed_ms = (time.perf_counter() - self.started) * 1000
            self.log.write(f"request took {elapsed_ms:.1f} ms\n")


def timing(app):
    def middleware(environ, start_response):
        started = time.perf_counter()
        body = app(environ, start_response)
        return TimedBody(body, started, environ["wsgi.errors"])
    return middleware


app = timing(greeter)
