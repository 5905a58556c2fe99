class TinyFramework:
    """The shape of Flask's app object: __call__ hands the request to wsgi_app."""

    def __init__(self):
        self.routes = {}

    def route(self, path):
        def register(view):
            self.routes[path] = view
            return view
        return register

    def wsgi_app(self, environ, start_response):
        view = self.routes.get(environ.get("PATH_INFO", ""))
        if view is None:
            start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Not found\n"]
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        return [view().encode("utf-8")]

    def __call__(self, environ, start_response):
        return self.wsgi_app(environ, start_response)


app = TinyFramework()


@app.route("/")
def index():
    return "Hello from a framework that is just a WSGI callable\n"
