import json

FRUIT = ["apples", "plums"]


def api(environ, start_response):
    """A small JSON API: GET lists the fruit, POST adds one. It knows nothing about CORS."""
    if environ["PATH_INFO"] != "/api/fruit":
        status, data = "404 Not Found", {"error": "not found"}
    elif environ["REQUEST_METHOD"] == "GET":
        status, data = "200 OK", {"fruit": FRUIT}
    elif environ["REQUEST_METHOD"] == "POST":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        name = json.loads(environ["wsgi.input"].read(length) or b"{}").get("name", "?")
        status, data = "201 Created", {"added": name}
    else:
        status, data = "405 Method Not Allowed", {"error": "use GET or POST"}
    body = (json.dumps(data) + "\n").encode("utf-8")
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    if status.startswith("405"):
        headers.append(("Allow", "GET, POST"))
    start_response(status, headers)
    return [body]


def allow_cors(app, origin):
    """Let pages from `origin` call this API from their JavaScript."""
    def middleware(environ, start_response):
        if environ.get("HTTP_ORIGIN") != origin:
            return app(environ, start_response)  # same-origin or not allowed: nothing to add
        cors = [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        if environ["REQUEST_METHOD"] == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in environ:
            # The browser's preflight: answered here, the app never sees it.
            start_response("204 No Content", cors + [
                ("Access-Control-Allow-Methods", "GET, POST"),
                ("Access-Control-Allow-Headers", "Content-Type"),
                ("Access-Control-Max-Age", "600"),
            ])
            return []

        def start_with_cors(status, headers, exc_info=None):
            # Every answer, errors too: without the header the page's script cannot read a 404 either.
            return start_response(status, headers + cors, exc_info)
        return app(environ, start_with_cors)
    return middleware


app = allow_cors(api, origin="https://shop.example")
