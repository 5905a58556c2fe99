def read_body(environ):
    """The request body, read in a way that is safe on every server."""
    length = environ.get("CONTENT_LENGTH", "")
    if length:
        # The request said how many bytes follow: read exactly that many, never more.
        try:
            size = int(length)
        except ValueError:
            size = 0
        return environ["wsgi.input"].read(size) if size > 0 else b""
    if environ.get("wsgi.input_terminated"):
        # No length (a chunked upload), but the server promises read() stops at the body's end.
        return environ["wsgi.input"].read()
    # No length and no promise: a read could wait for ever, so read nothing.
    return b""


def app(environ, start_response):
    data = read_body(environ)
    text = (f"CONTENT_LENGTH={environ.get('CONTENT_LENGTH', '(absent)')!r} "
            f"wsgi.input_terminated={environ.get('wsgi.input_terminated', '(absent)')!r}\n"
            f"{environ['REQUEST_METHOD']} with {len(data)} body bytes: {data!r}\n")
    body = text.encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
