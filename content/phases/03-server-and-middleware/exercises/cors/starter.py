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
        def start_with_cors(status, headers, exc_info=None):
            if status.startswith("200"):
                headers = headers + [("Access-Control-Allow-Origin", origin)]
            return start_response(status, headers, exc_info)
        return app(environ, start_with_cors)
    return middleware


app = allow_cors(api, origin="https://shop.example")
