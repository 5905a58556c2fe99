from urllib.parse import parse_qs


# The greeter from phase 2, shortened.
def greeter(environ, start_response):
    path = environ.get("PATH_INFO", "") or "/"
    if path == "/":
        status, text = "200 OK", "Welcome to the greeter.\n"
    elif path == "/greet":
        name = parse_qs(environ.get("QUERY_STRING", "")).get("name", ["stranger"])[0]
        status, text = "200 OK", f"Hello, {name}!\n"
    else:
        status, text = "404 Not Found", "Nothing here.\n"
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


class RewrittenBody:
    """Rewrites each chunk if the response is text/plain; passes close() through."""

    def __init__(self, body, active, old, new):
        self.body, self.active, self.old, self.new = body, active, old, new
        if hasattr(body, "close"):
            self.close = body.close

    def __iter__(self):
        for chunk in self.body:
            yield chunk.replace(self.old, self.new) if self.active else chunk


def replace_text(app, old, new):
    def middleware(environ, start_response):
        active = []  # a list, so the nested function can change it

        def start_rewritten(status, headers, exc_info=None):
            active.clear()
            content_type = dict((k.lower(), v) for k, v in headers).get("content-type", "")
            if content_type.startswith("text/plain"):
                active.append(True)
                # The length will change, so the old Content-Length would be a lie.
                headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            return start_response(status, headers, exc_info)

        return RewrittenBody(app(environ, start_rewritten), active, old, new)
    return middleware


app = replace_text(greeter, b"stranger", b"friend")
