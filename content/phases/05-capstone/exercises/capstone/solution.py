"""A small web framework and the site built on it: routing with path parameters, a request object,
a response helper, and a middleware stack (logging, errors, auth). Plain WSGI, standard library only:
`gunicorn app:app` serves it."""
import html
import json
import re
import sys
import time
import traceback
from urllib.parse import parse_qs, urlencode


# ---- the framework -----------------------------------------------------------------------

class Request:
    """What a handler needs from environ, decoded once."""

    def __init__(self, environ, params):
        self.environ = environ
        self.method = environ["REQUEST_METHOD"]
        # PATH_INFO is the path's bytes as latin-1 characters; the bytes are UTF-8.
        self.path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace") or "/"
        self.query = {name: values[0] for name, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
        self.params = params

    def header(self, name, default=None):
        key = "HTTP_" + name.upper().replace("-", "_")
        if key in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
            key = key[5:]
        return self.environ.get(key, default)

    def body(self):
        # Read exactly CONTENT_LENGTH bytes: an unsized read() may wait for ever on some servers.
        length = int(self.environ.get("CONTENT_LENGTH") or 0)
        return self.environ["wsgi.input"].read(length) if length > 0 else b""

    def json(self):
        return json.loads(self.body() or b"null")


class Response:
    """A status, headers and a body; called with start_response, it answers like a WSGI app."""

    def __init__(self, body="", status="200 OK", content_type="text/plain; charset=utf-8", headers=()):
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.status = status
        self.headers = [("Content-Type", content_type), *headers]

    @classmethod
    def json(cls, data, status="200 OK"):
        return cls(json.dumps(data) + "\n", status, "application/json")

    def __call__(self, start_response):
        start_response(self.status, self.headers + [("Content-Length", str(len(self.body)))])
        return [self.body]


class Router:
    """Routes "/users/{id}" patterns to handlers; a WSGI app itself."""

    def __init__(self):
        self.routes = []

    def route(self, pattern, methods=("GET",)):
        regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")

        def register(handler):
            self.routes.append((regex, tuple(methods), handler))
            return handler
        return register

    def __call__(self, environ, start_response):
        request = Request(environ, {})
        allowed = []
        for regex, methods, handler in self.routes:
            match = regex.match(request.path)
            if not match:
                continue
            if request.method not in methods:
                allowed += methods
                continue
            request.params = match.groupdict()
            return handler(request)(start_response)
        if allowed:
            response = Response("Method not allowed.\n", "405 Method Not Allowed",
                                headers=[("Allow", ", ".join(sorted(set(allowed))))])
        else:
            response = Response("Not found.\n", "404 Not Found")
        return response(start_response)


# ---- the middleware stack -----------------------------------------------------------------

class LoggedBody:
    """Passes the body through; logs the request once the server has closed the body."""

    def __init__(self, inner, line):
        self.inner, self.line = inner, line

    def __iter__(self):
        return iter(self.inner)

    def close(self):
        try:
            if hasattr(self.inner, "close"):
                self.inner.close()
        finally:
            self.line()


def logging_middleware(app):
    def middleware(environ, start_response):
        began = time.perf_counter()
        seen = {}

        def start(status, headers, exc_info=None):
            seen["status"] = status.split()[0]
            return start_response(status, headers, exc_info)

        def line():
            ms = (time.perf_counter() - began) * 1000
            environ["wsgi.errors"].write(f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO') or '/'} "
                                         f"{seen.get('status', '-')} {ms:.1f}ms\n")
        return LoggedBody(app(environ, start), line)
    return middleware


def error_middleware(app):
    def middleware(environ, start_response):
        try:
            return app(environ, start_response)
        except Exception:
            traceback.print_exc(file=environ["wsgi.errors"])
            body = b'{"error": "internal server error"}\n'
            # exc_info: allowed even if the app had already called start_response.
            start_response("500 Internal Server Error", [("Content-Type", "application/json"),
                                                         ("Content-Length", str(len(body)))], sys.exc_info())
            return [body]
    return middleware


def auth_middleware(app, token, prefix="/admin"):
    def middleware(environ, start_response):
        if (environ.get("PATH_INFO") or "/").startswith(prefix) and \
                environ.get("HTTP_AUTHORIZATION") != f"Bearer {token}":
            return Response("A token is needed.\n", "401 Unauthorized",
                            headers=[("WWW-Authenticate", "Bearer")])(start_response)
        return app(environ, start_response)
    return middleware


# ---- the site --------------------------------------------------------------------------------

site = Router()


@site.route("/")
def home(request):
    return Response("Hello from my framework\n")


@site.route("/search")
def search(request):
    return Response(f"You searched for {request.query.get('q', 'nothing')}\n")


@site.route("/users/{id}")
def user(request):
    return Response.json({"id": request.params["id"], "name": f"user {request.params['id']}"})


@site.route("/users", methods=("POST",))
def create_user(request):
    data = request.json() or {}
    return Response.json({"created": data.get("name")}, "201 Created")


@site.route("/admin/stats")
def stats(request):
    return Response.json({"users": 3})


@site.route("/boom")
def boom(request):
    raise RuntimeError("something broke")


# A page to click through in a browser: links with path parameters, a GET form, a POST form.
TOUR = """<!doctype html><html lang="en"><meta charset="utf-8"><title>My framework</title>
<h1>My framework</h1>{greeting}
<ul><li><a href="/users/1">/users/1</a> and <a href="/users/2">/users/2</a>: a path parameter
<li><a href="/users/1/friends">/users/1/friends</a>: no such route
<li><a href="/admin/stats">/admin/stats</a>: behind the auth layer
<li><a href="/boom">/boom</a>: a handler that raises</ul>
<form action="/search"><label>Search for <input name="q"></label> <button>Search</button></form>
<form method="post" action="/hello"><label>Your name <input name="name"></label> <button>Say hello</button></form>
<form method="post" action="/users/1"><button>POST to /users/1</button></form>"""


@site.route("/tour")
def tour(request):
    name = request.query.get("name")
    greeting = f"<p>Hello, {html.escape(name)}!</p>" if name else ""
    return Response(TOUR.format(greeting=greeting), content_type="text/html; charset=utf-8")


@site.route("/hello", methods=("POST",))
def hello(request):
    # A form sends its fields urlencoded; redirect after the POST, so that Reload does not post again.
    name = parse_qs(request.body().decode("utf-8")).get("name", [""])[0]
    return Response(status="303 See Other", headers=[("Location", "/tour?" + urlencode({"name": name}))])


# The server calls this: the outermost layer is the first to see a request and the last to see its answer.
app = logging_middleware(error_middleware(auth_middleware(site, token="letmein")))
