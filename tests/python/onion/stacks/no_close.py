"""A body-rewriting layer that forgets to pass close() on to the inner body."""


def inner(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return (chunk for chunk in [b"a", b"b"])


def upper(app):
    def middleware(environ, start_response):
        body = app(environ, start_response)
        return (chunk.upper() for chunk in body)
    return middleware


app = upper(inner)
