def countdown(log, broken):
    try:
        for n in (3, 2, 1):
            log.write(f"generator: yielding {n}\n")
            if broken and n == 2:
                yield "2...\n"  # a bug: str, not bytes, so the server cannot send this chunk
            else:
                yield f"{n}...\n".encode("utf-8")
        log.write("generator: ran to its end\n")
    finally:
        log.write("generator: finally block ran\n")


class Watched:
    """Hands the server the generator's chunks, and logs the moment the server calls close()."""

    def __init__(self, body, log):
        self.body, self.log = body, log

    def __iter__(self):
        return self.body

    def close(self):
        self.log.write("server: called close()\n")
        self.body.close()


def app(environ, start_response):
    log = environ["wsgi.errors"]
    broken = environ.get("QUERY_STRING", "") == "broken"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return Watched(countdown(log, broken), log)
