import time


def app(environ, start_response):
    if environ["PATH_INFO"] == "/slow":
        time.sleep(1)  # a call to an outside API that takes one second
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"done"]
