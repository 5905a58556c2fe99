from urllib.parse import parse_qs


def parse_query(app):
    """Middleware that changes only the request: it adds the parsed query to environ."""
    def middleware(environ, start_response):
        environ["greeter.query"] = parse_qs(environ.get("QUERY_STRING", ""))
        return app(environ, start_response)
    return middleware


# The greeter, now reading the parsed query the middleware left for it.
def greeter(environ, start_response):
    name = environ["greeter.query"].get("name", ["stranger"])[0]
    body = f"Hello, {name}!\n".encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]


app = parse_query(greeter)
