def proxy_fix(app, trusted=("127.0.0.1",)):
    """Middleware: behind a reverse proxy, take the client's address and scheme from X-Forwarded-*.

    Only when the request really comes from a trusted proxy: anyone else can send these headers too.
    """
    def middleware(environ, start_response):
        if environ.get("REMOTE_ADDR") in trusted:
            forwarded_for = environ.get("HTTP_X_FORWARDED_FOR", "")
            if forwarded_for:
                # "client, proxy1, proxy2": the last entry is the one our proxy added.
                environ["REMOTE_ADDR"] = forwarded_for.split(",")[-1].strip()
            if environ.get("HTTP_X_FORWARDED_PROTO") in ("http", "https"):
                environ["wsgi.url_scheme"] = environ["HTTP_X_FORWARDED_PROTO"]
        return app(environ, start_response)
    return middleware


def show(environ, start_response):
    text = (f"client: {environ.get('REMOTE_ADDR')}\n"
            f"scheme: {environ['wsgi.url_scheme']}\n")
    body = text.encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]


app = proxy_fix(show)
