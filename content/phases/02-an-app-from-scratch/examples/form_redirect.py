from html import escape
from urllib.parse import parse_qs, quote

FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Greeter</title></head>
<body>
<h1>Greeter</h1>
<form method="post" action="/greet">
  <label>Your name <input name="name" required></label>
  <button>Greet me</button>
</form>
</body></html>
"""


def read_form(environ):
    """The urlencoded fields of a POST body, {name: [values]}."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length).decode("latin-1")
    return parse_qs(body, encoding="utf-8")


def html(start_response, status, text):
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", "text/html; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


def app(environ, start_response):
    method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
    if path == "/" and method == "GET":
        return html(start_response, "200 OK", FORM)
    if path == "/greet" and method == "POST":
        name = read_form(environ).get("name", ["stranger"])[0]
        # 303 See Other: the answer is at another URL, which the browser GETs.
        location = "/hello?name=" + quote(name)
        body = f"See {location}\n".encode("utf-8")
        start_response("303 See Other", [("Location", location),
                                         ("Content-Type", "text/plain; charset=utf-8"),
                                         ("Content-Length", str(len(body)))])
        return [body]
    if path == "/hello" and method == "GET":
        name = parse_qs(environ.get("QUERY_STRING", "")).get("name", ["stranger"])[0]
        return html(start_response, "200 OK",
                    f'<!doctype html><meta charset="utf-8"><title>Hello</title>'
                    f'<h1>Hello, {escape(name)}!</h1><p><a href="/">Greet someone else</a></p>')
    return html(start_response, "404 Not Found", "<!doctype html><title>Not found</title><h1>Not found</h1>")
