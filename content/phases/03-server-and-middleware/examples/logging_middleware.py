from urllib.parse import parse_qs


# The greeter from phase 2, shortened.
def greeter(environ, start_response):
    path = environ.get("PATH_INFO", "") or "/"
    if path == "/":
        status, text = "200 OK", "Welcome to the greeter.\n"
    elif path == "/greet":
        name = parse_qs(environ.get("QUERY_STRING", "")).get("name", ["stranger"])[0]
        status, text = "200 OK", f"Hello, {name}!\n"
    else:
        status, text = "404 Not Found", "Nothing here.\n"
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


def log_requests(app):
    """Middleware that only looks: it writes one line per request to the server log."""
    def middleware(environ, start_response):
        environ["wsgi.errors"].write(
            f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')}"
            f"?{environ.get('QUERY_STRING', '')} from {environ.get('HTTP_USER_AGENT', '-')}\n"
        )
        return app(environ, start_response)
    return middleware


app = log_requests(greeter)
