# pitfall: the body holds a str, but WSGI response bodies must be bytes
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return ["Hello, WSGI!\n"]
