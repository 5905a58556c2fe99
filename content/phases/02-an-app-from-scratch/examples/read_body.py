def read_body(environ):
    """Read exactly CONTENT_LENGTH bytes from wsgi.input, never more."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length <= 0:
        return b""
    return environ["wsgi.input"].read(length)


def app(environ, start_response):
    data = read_body(environ)
    text = f"{environ['REQUEST_METHOD']} with {len(data)} body bytes: {data!r}\n"
    body = text.encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
