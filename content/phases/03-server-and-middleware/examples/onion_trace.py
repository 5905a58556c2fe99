from functools import reduce
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


def layer(name):
    """A middleware factory whose layers report when they see the request and the response."""
    def wrap(app):
        def middleware(environ, start_response):
            log = environ["wsgi.errors"]
            log.write(f"-> {name}: request in\n")

            def traced_start(status, headers, exc_info=None):
                log.write(f"<- {name}: start_response({status!r})\n")
                return start_response(status, headers, exc_info)

            body = app(environ, traced_start)
            log.write(f"<- {name}: app returned\n")
            return body
        return middleware
    return wrap


STACK = [layer("outer"), layer("middle"), layer("inner")]  # first in the list = outermost
app = reduce(lambda wrapped, wrap: wrap(wrapped), reversed(STACK), greeter)
