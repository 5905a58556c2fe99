import time


def countdown(log):
    try:
        for n in (3, 2, 1):
            yield f"{n}...\n".encode("utf-8")
            time.sleep(0.2)  # stands in for slow work between chunks
        yield b"Liftoff!\n"
    finally:
        log.write("countdown closed\n")


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return countdown(environ["wsgi.errors"])
