"""A two-file app: it prints, writes to wsgi.errors and imports helper.py from its folder."""
import sys

from helper import greeting


def app(environ, start_response):
    print("handling", environ["PATH_INFO"])
    print("to stderr", file=sys.stderr)
    environ["wsgi.errors"].write("logged by the app\n")
    body = greeting(environ["QUERY_STRING"] or "world").encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


def make_app(prefix):
    """A factory, for gunicorn's "module:make_app('x')" form."""
    def inner(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [prefix.encode()]
    return inner


not_callable = 42
