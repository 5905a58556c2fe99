class Body:
    def __init__(self, name, inner):
        self.name, self.inner = name, inner

    def __iter__(self):
        return iter(self.inner)

    def close(self):
        print(f"{self.name}: close starts")
        if hasattr(self.inner, "close"):
            self.inner.close()
        print(f"{self.name}: close ends")


def greeter(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body("app", [b"Hello"])


def logging(app):
    def middleware(environ, start_response):
        return Body("logging", app(environ, start_response))
    return middleware


app = logging(greeter)
