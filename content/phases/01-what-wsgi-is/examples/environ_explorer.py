CGI_KEYS = (
    "REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
    "CONTENT_TYPE", "CONTENT_LENGTH",
    "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL",
)


def app(environ, start_response):
    lines = []
    for key in sorted(environ):
        if key in CGI_KEYS or key.startswith(("HTTP_", "wsgi.")):
            lines.append(f"{key} = {environ[key]!r}")
    body = ("\n".join(lines) + "\n").encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
