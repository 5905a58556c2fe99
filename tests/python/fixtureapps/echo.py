"""An app that never fails: it answers every request with the environ dump (see dispatch.py)."""
from dispatch import dump


def application(environ, start_response):
    data = dump(environ)
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(data)))])
    return [data]
