def app(environ, start_response):
    body = b"Two cookies set.\n"
    headers = [("Content-Type", "text/plain; charset=utf-8"),
               ("Content-Length", str(len(body))),
               # A repeated header: one (name, value) pair per cookie, never joined by commas.
               ("Set-Cookie", "theme=dark; Path=/"),
               ("Set-Cookie", "session=abc123; Path=/; HttpOnly")]
    if environ.get("PATH_INFO") == "/hop":
        headers.append(("Connection", "keep-alive"))  # hop-by-hop: the server's, not the app's
    start_response("200 OK", headers)
    return [body]
