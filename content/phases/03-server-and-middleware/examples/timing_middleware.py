import time


def countdown():
    for n in (3, 2, 1):
        yield f"{n}...\n".encode("utf-8")
        time.sleep(0.2)  # slow work between chunks
    yield b"Liftoff!\n"


def streaming_greeter(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return countdown()


class TimedBody:
    """Passes the body through and stops the clock when the server closes it."""

    def __init__(self, body, started, log):
        self.body, self.started, self.log = body, started, log

    def __iter__(self):
        return iter(self.body)

    def close(self):
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            elapsed_ms = (time.perf_counter() - self.started) * 1000
            self.log.write(f"request took {elapsed_ms:.1f} ms\n")


def timing(app):
    def middleware(environ, start_response):
        started = time.perf_counter()
        body = app(environ, start_response)
        return TimedBody(body, started, environ["wsgi.errors"])
    return middleware


app = timing(streaming_greeter)
