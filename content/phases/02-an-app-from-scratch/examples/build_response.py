def app(environ, start_response):
    text = "<!doctype html>\n<title>Grüße</title>\n<p>Grüße aus WSGI</p>\n"
    body = text.encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
