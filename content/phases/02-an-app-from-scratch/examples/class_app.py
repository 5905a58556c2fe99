class Lines:
    """A response body: the server iterates it, one encoded line at a time."""

    def __init__(self, lines):
        self.lines = lines

    def __iter__(self):
        for line in self.lines:
            yield (line + "\n").encode("utf-8")


class GreeterApp:
    def __init__(self, greeting):
        self.greeting = greeting

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        return Lines([f"{self.greeting}!", f"You asked for {path}"])


app = GreeterApp("Good morning")
