def greeter(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello, member"]


def require_token(app):
    def check(environ, start_response):
        if environ.get("HTTP_AUTHORIZATION") != "Bearer s3cret":
            start_response("401 Unauthorized", [("Content-Type", "text/plain")])
            return [b"token missing"]
        return app(environ, start_response)
    return check


def add_header(app):
    def wrapped(environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Served-By", "node-1")], exc_info)
        return app(environ, start)
    return wrapped


app = add_header(require_token(greeter))
