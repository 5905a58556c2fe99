class Pool:
    """A stand-in for a database connection pool: connections handed out and given back."""

    def __init__(self, size):
        self.free = size

    def acquire(self):
        if self.free == 0:
            raise RuntimeError("no free connection: a body kept one and never gave it back")
        self.free -= 1
        return ["alpha", "beta", "gamma"]  # the rows this connection will read

    def release(self):
        self.free += 1


pool = Pool(1)  # one connection, to make a leak show at once


class Rows:
    """The body: one line per row, read while the server sends the response."""

    def __init__(self):
        self.rows = pool.acquire()

    def __iter__(self):
        for row in self.rows:
            yield f"{row}\n".encode("utf-8")
        pool.release()  # given back after the last row... only if the server reads that far


def app(environ, start_response):
    if environ["PATH_INFO"] == "/pool":
        body = f"free connections: {pool.free}\n".encode("utf-8")
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        return [body]
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return Rows()
