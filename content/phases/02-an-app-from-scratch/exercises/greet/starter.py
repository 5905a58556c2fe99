from urllib.parse import parse_qs


def app(environ, start_response):
    # Everyone gets the same greeting. Read ?name=... from the query string instead.
    body = b"Hello, stranger!\n"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]
