# pitfall: the clock stops when the app returns, before the streamed body has been produced
import time


def countdown():
    for n in (3, 2, 1):
        yield f"{n}...\n".encode("utf-8")
        time.sleep(0.2)  # slow work between chunks
    yield b"Liftoff!\n"


def streaming_greeter(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return countdown()


def timing(app):
    def middleware(environ, start_response):
        started = time.perf_counter()
        body = app(environ, start_response)
        elapsed_ms = (time.perf_counter() - started) * 1000
        environ["wsgi.errors"].write(f"request took {elapsed_ms:.1f} ms\n")
        return body
    return middleware


app = timing(streaming_greeter)
