"""A WSGI app for pool edge cases: a slow start-up, a stuck request, a swallowed kill, a str body."""
import time

import helper
from simulate import slow_io

time.sleep(2)          # a slow import: each worker is ready at t=2
booted_at = time.monotonic()
print(f"worker ready at {booted_at}")


def app(environ, start_response):
    path = environ["PATH_INFO"]
    helper.hits += 1
    if path == "/stuck":
        slow_io(45)
    elif path == "/swallow":
        try:
            slow_io(45)
        except:  # noqa: E722  (the point: a bare except cannot hide the worker timeout)
            pass
    elif path == "/str":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["not bytes"]
    elif path == "/time":
        t0 = time.time()
        time.sleep(1.25)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [f"{time.time() - t0:.3f} booted {booted_at}".encode()]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"hits {helper.hits}".encode()]
