from io import BytesIO, StringIO
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator



def app(environ, start_response):  # the app under test; in a project, import it instead
    body = b"Hello from a real server\n"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]


def call(app, method="GET", path="/", body=b""):
    """Call a WSGI app the way a server would, with no server and no socket."""
    environ = {"REQUEST_METHOD": method, "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": "",
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": BytesIO(body),
               "wsgi.errors": StringIO()}
    setup_testing_defaults(environ)  # fills in the rest: SERVER_NAME, wsgi.version, ...
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return seen["status"], seen["headers"], body


status, headers, body = call(validator(app))  # validator: PEP 3333's rules, checked as it runs
print(status, headers, body)
assert status == "200 OK" and body.startswith(b"Hello")


def broken(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return ["oops"]  # str, not bytes


try:
    call(validator(broken))
except AssertionError as exc:
    print("validator:", exc)
