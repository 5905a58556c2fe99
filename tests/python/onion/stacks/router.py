"""A logging layer around a router around the handler it picks (or its own 404)."""


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello\n"]


ROUTES = {"/hello": hello}


def router(environ, start_response):
    handler = ROUTES.get(environ["PATH_INFO"])
    if handler is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"no route\n"]
    return handler(environ, start_response)


def logged(app):
    def middleware(environ, start_response):
        environ["wsgi.errors"].write("seen\n")
        return app(environ, start_response)
    return middleware


app = logged(router)
