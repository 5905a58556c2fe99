def list_notes(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"buy milk\nwrite WSGI app\n"]


def add_note(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    note = environ["wsgi.input"].read(size) if size > 0 else b""
    start_response("201 Created", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Note received: " + note + b"\n"]


def app(environ, start_response):
    if environ.get("PATH_INFO") != "/notes":
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Not found\n"]
    # Any method other than POST lists the notes, even DELETE. Answer 405 with an Allow header.
    if environ["REQUEST_METHOD"] == "POST":
        return add_note(environ, start_response)
    return list_notes(environ, start_response)
