"""The one app the differential suite serves: the path picks the behaviour.

/bad/<name>   a misbehaving app from misbehaving.py
/stream/...   the environ dump streamed without Content-Length (shows framing)
/readall...   the environ dump after an unsized wsgi.input.read() (waits for the client's EOF
              on a server whose wsgi.input is the socket)
anything else the environ dump with Content-Length
The dump leaves out what varies between runs (REMOTE_PORT, object reprs, the OS environment
that wsgiref copies in) so the bytes can be compared.
"""
import os

from misbehaving import APPS

OBJECT_KEYS = ("wsgi.input", "wsgi.errors", "wsgi.file_wrapper", "gunicorn.socket",
               "waitress.client_disconnected")
VARYING_KEYS = ("REMOTE_PORT",)
# wsgiref copies the whole OS environment into the environ; gunicorn puts SERVER_SOFTWARE there.
CGI_KEYS = ("SERVER_SOFTWARE", "SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME")


def read_body(environ):
    """Read the request body the way a careful app does (or, under /readall, a careless one)."""
    stream = environ["wsgi.input"]
    if environ.get("wsgi.input_terminated") or environ["PATH_INFO"].startswith("/readall"):
        return stream.read()
    length = environ.get("CONTENT_LENGTH") or "0"
    return stream.read(int(length)) if length.isdigit() else b""


def dump(environ):
    """The environ as sorted `key=repr(value)` lines, then the body."""
    lines = []
    for key in sorted(environ):
        if key in VARYING_KEYS or (key not in CGI_KEYS and os.environ.get(key) == environ[key]):
            continue
        value = environ[key]
        lines.append("%s=%s" % (key, "<present>" if key in OBJECT_KEYS else repr(value)))
    body = read_body(environ)
    lines.append("body=%r" % body)
    return ("\n".join(lines) + "\n").encode("utf-8")


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path.startswith("/bad/"):
        return APPS[path[len("/bad/"):]](environ, start_response)
    data = dump(environ)
    if path.startswith("/stream/"):
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        return iter([data[:10], data[10:]])
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(data)))])
    return [data]


app = application
