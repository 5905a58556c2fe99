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
    written = []

    def start_response(status, headers, exc_info=None):
        response["status"], response["headers"] = status, headers
        return written.append  # the legacy write() callable

    result = application(environ, start_response)
    try:
        # A generator app calls start_response only when asked for its first chunk,
        # so the status and headers can be read only after iterating.
        body = b"".join(written) + b"".join(result)
    finally:
        # close() runs once, also when iterating the body raised.
        if hasattr(result, "close"):
            result.close()
    return response["status"], response["headers"], body
