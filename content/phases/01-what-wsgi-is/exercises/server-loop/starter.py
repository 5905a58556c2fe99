import io
import sys


def call_like_a_server(application, path):
    """Call a WSGI app as a server does for one GET request; return (status, headers, body bytes)."""
    environ = {
        "REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": path,
        "QUERY_STRING": "", "SERVER_NAME": "localhost", "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
        "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": True,
    }
    response = {}

    def start_response(status, headers, exc_info=None):
        response["status"], response["headers"] = status, headers
        # Your turn: return a write() callable; what it is given goes out before the returned body.

    result = application(environ, start_response)
    status, headers = response["status"], response["headers"]  # Your turn: is it too early to read these?
    body = b"".join(result)
    # Your turn: the body may have a close() method.
    return status, headers, body
