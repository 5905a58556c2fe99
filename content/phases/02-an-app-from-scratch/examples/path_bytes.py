def app(environ, start_response):
    path = environ.get("PATH_INFO", "")
    raw = path.encode("latin-1")  # each character back to the byte it came from
    lines = [
        f"PATH_INFO:        {path!r} ({len(path)} characters)",
        f"as bytes:         {raw!r}",
        f"bytes as UTF-8:   {raw.decode('utf-8', 'replace')!r}",
    ]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
