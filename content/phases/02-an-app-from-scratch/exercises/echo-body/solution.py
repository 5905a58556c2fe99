def read_body(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return environ["wsgi.input"].read(length) if length > 0 else b""


def app(environ, start_response):
    if environ["REQUEST_METHOD"] != "POST":
        body = b"POST something to echo it.\n"
        start_response("405 Method Not Allowed", [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Allow", "POST"),
        ])
        return [body]
    data = read_body(environ)
    start_response("200 OK", [
        ("Content-Type", "application/octet-stream"),
        ("Content-Length", str(len(data))),
    ])
    return [data]
