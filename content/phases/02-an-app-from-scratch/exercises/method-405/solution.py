def list_notes(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"buy milk\nwrite WSGI app\n"]


def add_note(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    note = environ["wsgi.input"].read(size) if size > 0 else b""
    start_response("201 Created", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Note received: " + note + b"\n"]


METHODS = {"GET": list_notes, "POST": add_note}


def app(environ, start_response):
    if environ.get("PATH_INFO") != "/notes":
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Not found\n"]
    handler = METHODS.get(environ["REQUEST_METHOD"])
    if handler is None:
        allowed = ", ".join(sorted(METHODS))
        start_response("405 Method Not Allowed", [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Allow", allowed),
        ])
        return [f"Allowed here: {allowed}\n".encode("utf-8")]
    return handler(environ, start_response)
