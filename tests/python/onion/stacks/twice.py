"""A layer that calls inward twice (a retry), with a copy of environ the second time."""


def flaky(environ, start_response):
    if environ.get("retry.attempt") == 1:
        start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
        return [b"busy\n"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\n"]


def retry(app):
    def middleware(environ, start_response):
        seen = []

        def remember(status, headers, exc_info=None):
            seen.append((status, headers))

        environ["retry.attempt"] = 1
        app(environ, remember)
        second = dict(environ, **{"retry.attempt": 2})
        body = app(second, remember)
        start_response(*seen[-1])
        return body
    return middleware


app = retry(flaky)
