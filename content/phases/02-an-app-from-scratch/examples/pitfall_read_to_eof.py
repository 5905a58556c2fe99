# pitfall: read() with no size waits for the end of the stream, which a keep-alive client never sends
def app(environ, start_response):
    data = environ["wsgi.input"].read()
    body = f"Got {len(data)} bytes\n".encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]
