# The call the exercise forbids: read() with no size. Everything else is right, so only the
# check served by wsgiref on a connection left open can catch it.
def app(environ, start_response):
    if environ["REQUEST_METHOD"] != "POST":
        body = b"POST something to echo it.\n"
        start_response("405 Method Not Allowed", [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Allow", "POST"),
        ])
        return [body]
    data = environ["wsgi.input"].read()
    start_response("200 OK", [
        ("Content-Type", "application/octet-stream"),
        ("Content-Length", str(len(data))),
    ])
    return [data]
