class Body:
    def __init__(self, chunks, log):
        self.chunks = chunks
        self.log = log

    def __iter__(self):
        for chunk in self.chunks:
            self.log.write(f"sending {chunk!r}\n")
            yield chunk

    def close(self):
        self.log.write("close() called: the place to release files and connections\n")


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return Body([b"first chunk\n", b"second chunk\n"], environ["wsgi.errors"])
