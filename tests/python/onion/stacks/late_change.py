"""An outer layer changes environ after the inner app returned: not the inner app's change."""


def inner(environ, start_response):
    environ["inner.seen"] = True
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\n"]


def stamp(app):
    def middleware(environ, start_response):
        body = app(environ, start_response)
        environ["stamp.after"] = "late"
        return body
    return middleware


app = stamp(inner)
