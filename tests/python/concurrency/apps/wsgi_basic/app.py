"""A WSGI app for the pool: "/" takes 0.1 s of I/O, "/slow" 10 s; it counts requests per worker."""
from simulate import slow_io

served = 0


def app(environ, start_response):
    global served
    served += 1
    slow_io(10 if environ["PATH_INFO"] == "/slow" else 0.1)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"request {served} on this worker".encode()]
