def home(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Home\n"]


def about(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"About this greeter\n"]


def app(environ, start_response):
    # Every path gets the home page. Route on PATH_INFO, and answer 404 for unknown paths.
    return home(environ, start_response)
