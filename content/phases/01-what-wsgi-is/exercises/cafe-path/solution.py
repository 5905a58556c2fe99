def app(environ, start_response):
    # PATH_INFO holds the request's raw bytes, one character per byte (latin-1):
    # turn them back into bytes, then decode them as the UTF-8 the browser sent.
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "replace")
    body = f"You asked for {path}\n".encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
