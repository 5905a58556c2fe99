from urllib.parse import parse_qs


def app(environ, start_response):
    method = environ["REQUEST_METHOD"]
    path = environ.get("PATH_INFO", "") or "/"
    query = parse_qs(environ.get("QUERY_STRING", ""))
    name = query.get("name", ["stranger"])[0]
    agent = environ.get("HTTP_USER_AGENT", "(no User-Agent header)")

    text = f"{method} {path}\nHello, {name}!\nYour client: {agent}\nAll query values: {query}\n"
    body = text.encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
