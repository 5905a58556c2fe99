"""An exception caught by a layer and turned into a 500, or let through to the server."""
import sys


def broken(environ, start_response):
    raise KeyError("pears")


def catch_errors(app):
    def middleware(environ, start_response):
        try:
            return app(environ, start_response)
        except Exception:
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")],
                           sys.exc_info())
            return [b"caught\n"]
    return middleware


def passing(app):
    def middleware(environ, start_response):
        return app(environ, start_response)
    return middleware


caught = catch_errors(broken)
let_through = passing(broken)
