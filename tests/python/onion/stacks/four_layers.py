"""Four layers: errors caught (class) > query parsed (closure) > text rewritten with close() passed
through (start_response and body wrapped) > a generator-function app."""
import sys


def generator_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "14")])
    yield b"Hello, "
    yield environ["query"].encode("latin-1") + b"!\n"


class Rewritten:
    def __init__(self, body, old, new):
        self.body, self.old, self.new = body, old, new
        if hasattr(body, "close"):
            self.close = body.close

    def __iter__(self):
        for chunk in self.body:
            yield chunk.replace(self.old, self.new)


def replace_text(app, old, new):
    def middleware(environ, start_response):
        def start_rewritten(status, headers, exc_info=None):
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            return start_response(status, headers, exc_info)
        return Rewritten(app(environ, start_rewritten), old, new)
    return middleware


def parse_query(app):
    def middleware(environ, start_response):
        environ["query"] = environ.get("QUERY_STRING", "")
        return app(environ, start_response)
    return middleware


class CatchErrors:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        try:
            return self.app(environ, start_response)
        except Exception:
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")],
                           sys.exc_info())
            return [b"caught\n"]


app = CatchErrors(parse_query(replace_text(generator_app, b"Ada", b"Grace")))
