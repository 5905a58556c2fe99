import sys
import traceback


def build_report():
    totals = {"apples": 3}
    return f"Pears: {totals['pears']}\n"  # a bug: there is no 'pears' key


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    try:
        body = build_report().encode("utf-8")
    except Exception:
        environ["wsgi.errors"].write(traceback.format_exc())
        start_response("500 Internal Server Error",
                       [("Content-Type", "text/plain; charset=utf-8")],
                       sys.exc_info())
        return [b"Sorry, the report could not be built.\n"]
    return [body]
