import io
import sys


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"You asked for ", environ["PATH_INFO"].encode("latin-1"), b"\n"]


def call_like_a_server(application, path):
    """Do by hand what a WSGI server does for every request."""
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
        body = b"".join(written) + b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return response["status"], response["headers"], body


if __name__ == "__main__":
    print(call_like_a_server(app, "/hello"))
