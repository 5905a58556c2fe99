DROP_BODY_FOR_HEAD = True  # set it to False and Run again: the server sends the body for HEAD too


def home(environ, start_response):
    body = b"Welcome to the greeter.\n"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    if environ["REQUEST_METHOD"] == "HEAD" and DROP_BODY_FOR_HEAD:
        return []  # the same status and headers as GET, and no body
    return [body]


def app(environ, start_response):
    if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
        return home(environ, start_response)
    body = b"Use GET or HEAD here.\n"
    start_response("405 Method Not Allowed", [("Content-Type", "text/plain; charset=utf-8"),
                                              ("Content-Length", str(len(body))),
                                              ("Allow", "GET, HEAD")])
    return [body]
