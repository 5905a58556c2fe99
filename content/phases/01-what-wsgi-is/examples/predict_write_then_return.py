def app(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    write(b"first ")
    return [b"second"]
