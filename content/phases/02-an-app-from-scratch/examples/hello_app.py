from wsgiref.simple_server import make_server


def app(environ, start_response):
    body = b"Hello from a real server\n"
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]


if __name__ == "__main__":
    with make_server("127.0.0.1", 8000, app) as server:
        print("Serving on http://127.0.0.1:8000 (Ctrl+C stops it)")
        server.serve_forever()
