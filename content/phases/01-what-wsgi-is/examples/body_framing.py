def app(environ, start_response):
    parts = [b"Hello, ", b"body!\n"]
    headers = [("Content-Type", "text/plain; charset=utf-8")]
    if environ.get("PATH_INFO") == "/sized":
        # The app knows the total, so it says it: the client reads exactly this many bytes.
        headers.append(("Content-Length", str(sum(len(part) for part in parts))))
    start_response("200 OK", headers)
    return iter(parts)  # an iterator has no len(): the server cannot count it for you
