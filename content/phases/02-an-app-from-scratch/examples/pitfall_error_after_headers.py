# pitfall: the error happens after the headers went out, so the client gets a 200 and a cut-off body
def rows():
    yield b"row 1\n"
    yield b"row 2\n"
    raise RuntimeError("the database went away")


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return rows()
