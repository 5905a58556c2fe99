/** The playground's first app: small, and it answers differently per path, so requests matter. */
export const STARTER = `def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/hello":
        name = environ.get("QUERY_STRING", "").partition("=")[2] or "world"
        body = f"Hello, {name}!\\n".encode("utf-8")
        status = "200 OK"
    else:
        body = b"Not found\\n"
        status = "404 Not Found"
    start_response(status, [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]`;
