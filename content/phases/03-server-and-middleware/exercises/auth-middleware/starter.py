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


def require_token(app, token):
    def middleware(environ, start_response):
        # Any Authorization header gets in, and the 401 does not say how to authenticate.
        if "HTTP_AUTHORIZATION" not in environ:
            start_response("401 Unauthorized", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Who are you?\n"]
        return app(environ, start_response)
    return middleware


app = require_token(greeter, "letmein")
