"""Three layers: a class with __call__ around a closure from a factory around a function."""


def greeter(environ, start_response):
    name = environ.get("greet.name", "stranger")
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(name) + 7))])
    return [b"Hello, " + name.encode("latin-1")]


def add_header(app, name, value):
    def middleware(environ, start_response):
        def start_with_header(status, headers, exc_info=None):
            return start_response(status, headers + [(name, value)], exc_info)
        return app(environ, start_with_header)
    return middleware


class NameFromQuery:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        environ["greet.name"] = environ.get("QUERY_STRING", "")[5:] or "stranger"
        environ.pop("HTTP_X_SECRET", None)
        environ["PATH_INFO"] = "/hello"
        return self.app(environ, start_response)


app = NameFromQuery(add_header(greeter, "X-Layer", "add_header"))
