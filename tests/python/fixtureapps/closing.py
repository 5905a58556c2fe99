"""Iterables that report each close() call to wsgi.errors, to count calls per run."""


class Body:
    def __init__(self, environ, items, fail_at=None):
        self.errors, self.items, self.fail_at = environ["wsgi.errors"], items, fail_at

    def __iter__(self):
        for i, item in enumerate(self.items):
            if i == self.fail_at:
                raise RuntimeError("failing at item %d" % i)
            yield item

    def close(self):
        self.errors.write("close() called\n")


def ok(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body(environ, [b"a", b"b"])


def fails_first(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body(environ, [b"a", b"b"], fail_at=0)


def fails_later(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body(environ, [b"a", b"b"], fail_at=1)
