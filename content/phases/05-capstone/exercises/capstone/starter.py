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
        self.query = {}  # Your turn: the query string's names and (first) values, e.g. {"q": "wsgi servers"}
        self.params = params

    def header(self, name, default=None):
        key = "HTTP_" + name.upper().replace("-", "_")
        if key in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
            key = key[5:]
        return self.environ.get(key, default)

    def body(self):
        return b""  # Your turn: the request body, exactly CONTENT_LENGTH bytes of wsgi.input

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
        raise NotImplementedError("Your turn: a Response of json.dumps(data) plus a newline, as application/json")

    def __call__(self, start_response):
        start_response(self.status, self.headers + [("Content-Length", str(len(self.body)))])
        return [self.body]


class Router:
    """Routes "/users/{id}" patterns to handlers; a WSGI app itself."""

    def __init__(self):
        self.routes = []

    def route(self, pattern, methods=("GET",)):
        # Your turn: "/users/{id}" should match /users/42 with the parameter id = "42"; this matches only itself.
        regex = re.compile("^" + re.escape(pattern) + "$")

        def register(handler):
            self.routes.append((regex, tuple(methods), handler))
            return handler
        return register

    def __call__(self, environ, start_response):
        request = Request(environ, {})
        for regex, methods, handler in self.routes:
            match = regex.match(request.path)
            if match and request.method in methods:
                request.params = match.groupdict()
                return handler(request)(start_response)
        # Your turn: a path some route matches, asked with another method, is a 405 with an Allow header.
        return Response("Not found.\n", "404 Not Found")(start_response)


# ---- the middleware stack -----------------------------------------------------------------

def logging_middleware(app):
    """Your turn: write "METHOD /path STATUS 1.2ms" to environ["wsgi.errors"] once the body is closed."""
    return app


def error_middleware(app):
    """Your turn: turn an exception into a JSON 500 (start_response with sys.exc_info()), traceback to wsgi.errors."""
    return app


def auth_middleware(app, token, prefix="/admin"):
    """Your turn: paths under prefix need "Authorization: Bearer <token>", else 401 with WWW-Authenticate: Bearer."""
    return app


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
