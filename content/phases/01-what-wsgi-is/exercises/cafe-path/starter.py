def app(environ, start_response):
    path = environ["PATH_INFO"]
    body = f"You asked for {path}\n".encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
