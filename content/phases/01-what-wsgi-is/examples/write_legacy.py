def app(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    write(b"1. sent through write()\n")
    return [b"2. returned in the iterable\n"]
