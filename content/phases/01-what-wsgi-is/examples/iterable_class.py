class HelloBody:
    # The server calls the class, so each request builds one instance,
    # and that instance is the response body the server iterates.
    def __init__(self, environ, start_response):
        self.environ = environ
        self.start_response = start_response

    def __iter__(self):
        self.start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        yield b"Hello from a class\n"


app = HelloBody
