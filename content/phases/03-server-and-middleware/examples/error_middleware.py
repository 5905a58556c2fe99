import sys
import traceback


def report(environ, start_response):
    totals = {"apples": 3}
    body = f"Pears: {totals['pears']}\n".encode("utf-8")  # a bug: no 'pears' key
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]


def catch_errors(app):
    """Middleware: turn an exception raised by the app into a clean 500."""
    def middleware(environ, start_response):
        try:
            return app(environ, start_response)
        except Exception:
            environ["wsgi.errors"].write(traceback.format_exc())
            body = b"Internal error. It has been logged.\n"
            start_response("500 Internal Server Error", [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(body))),
            ], sys.exc_info())
            return [body]
    return middleware


app = catch_errors(report)
