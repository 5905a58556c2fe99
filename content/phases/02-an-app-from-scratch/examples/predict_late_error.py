NOTES = {"/": [b"buy milk", b"call Ada"], "/work": [b"ship v2", None, b"write docs"]}


def app(environ, start_response):
    notes = NOTES.get(environ["PATH_INFO"], [])
    start_response("200 OK", [("Content-Type", "text/plain")])

    def body():
        for note in notes:
            yield note + b"\n"

    return body()
