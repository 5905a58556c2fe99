"""Module-level state: a clean namespace each run means the counter starts at 0 every time."""
COUNT = 0


def app(environ, start_response):
    global COUNT
    COUNT += 1
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"count=%d" % COUNT]
