"""An auth layer that answers 401 itself unless the token is right."""


def greeter(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"welcome\n"]


def require_token(app, token):
    def middleware(environ, start_response):
        if environ.get("HTTP_AUTHORIZATION") != "Bearer " + token:
            start_response("401 Unauthorized", [("Content-Type", "text/plain"),
                                                ("WWW-Authenticate", "Bearer")])
            return [b"no\n"]
        return app(environ, start_response)
    return middleware


app = require_token(greeter, "s3cret")
