from urllib.parse import parse_qs


def respond(start_response, status, text, extra_headers=()):
    body = text.encode("utf-8")
    start_response(status, [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
        *extra_headers,
    ])
    return [body]


def home(environ, start_response):
    return respond(start_response, "200 OK", "Welcome to the greeter. Try /greet?name=Ada\n")


def greet(environ, start_response):
    name = parse_qs(environ.get("QUERY_STRING", "")).get("name", ["stranger"])[0]
    return respond(start_response, "200 OK", f"Hello, {name}!\n")


ROUTES = {
    "/": {"GET": home},
    "/greet": {"GET": greet},
}


def app(environ, start_response):
    methods = ROUTES.get(environ.get("PATH_INFO", "") or "/")
    if methods is None:
        return respond(start_response, "404 Not Found", "Nothing here.\n")
    handler = methods.get(environ["REQUEST_METHOD"])
    if handler is None:
        allowed = ", ".join(sorted(methods))
        return respond(start_response, "405 Method Not Allowed",
                       f"Use {allowed} here.\n", [("Allow", allowed)])
    return handler(environ, start_response)
