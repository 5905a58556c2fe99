def home(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Home\n"]


def about(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"About this greeter\n"]


def not_found(environ, start_response):
    body = f"Not found: {environ.get('PATH_INFO', '')}\n".encode("utf-8")
    start_response("404 Not Found", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]


ROUTES = {"/": home, "/about": about}


def app(environ, start_response):
    handler = ROUTES.get(environ.get("PATH_INFO", "") or "/", not_found)
    return handler(environ, start_response)
