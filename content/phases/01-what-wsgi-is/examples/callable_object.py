class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def __call__(self, environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        return [self.greeting.encode("utf-8")]


app = Greeter("Hello from an object\n")
