import hmac
import mimetypes
from html import escape
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

SECRET = b"replace me with a long random key"
PASSWORD = "wsgi"  # the one password of this demo

# The files static_files serves. A real app reads them from a folder.
STATIC = {
    "/static/site.css": b"body { font-family: sans-serif; max-width: 30rem; margin: 1rem auto; }\n"
                        b"h1 { color: #1f6f4f; }\n.logo { width: 48px; height: 48px; }\n",
    "/static/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
                        b'<circle cx="24" cy="24" r="22" fill="#1f6f4f"/></svg>',
}


def static_files(app, files):
    """Middleware: answer a GET for one of `files` itself, typed by its extension; pass the rest on."""
    def middleware(environ, start_response):
        body = files.get(environ["PATH_INFO"])
        if body is None or environ["REQUEST_METHOD"] != "GET":
            return app(environ, start_response)
        kind = mimetypes.guess_type(environ["PATH_INFO"])[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]
    return middleware


def sign(user):
    """user + "." + an HMAC of it: a visitor cannot make a valid value for another user."""
    return user + "." + hmac.new(SECRET, user.encode("utf-8"), "sha256").hexdigest()


def session_user(environ):
    """The user named by a correctly signed session cookie, or None."""
    morsel = SimpleCookie(environ.get("HTTP_COOKIE", "")).get("session")
    if morsel is None or "." not in morsel.value:
        return None
    user = morsel.value.rsplit(".", 1)[0]
    return user if hmac.compare_digest(morsel.value, sign(user)) else None


def page(start_response, title, content, status="200 OK", headers=()):
    body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="stylesheet" href="/static/site.css"></head><body>'
            f'<img class="logo" src="/static/logo.svg" alt=""><h1>{title}</h1>{content}</body></html>').encode("utf-8")
    start_response(status, [("Content-Type", "text/html; charset=utf-8"),
                            ("Content-Length", str(len(body))), *headers])
    return [body]


def redirect(start_response, location, *headers):
    body = f"See {location}\n".encode("utf-8")
    start_response("303 See Other", [("Location", location), ("Content-Type", "text/plain; charset=utf-8"),
                                     ("Content-Length", str(len(body))), *headers])
    return [body]


def login_required(app):
    """Middleware: /login and /logout, and every other request only with a valid session cookie."""
    def middleware(environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
        if path == "/login" and method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            form = parse_qs(environ["wsgi.input"].read(length).decode("latin-1"), encoding="utf-8")
            user = form.get("user", [""])[0]
            if user and hmac.compare_digest(form.get("password", [""])[0].encode(), PASSWORD.encode()):
                cookie = f"session={sign(user)}; Path=/; HttpOnly; SameSite=Lax"
                return redirect(start_response, "/", ("Set-Cookie", cookie))
            return redirect(start_response, "/login?failed=1")
        if path == "/login":
            failed = "<p>Wrong password.</p>" if "failed" in environ.get("QUERY_STRING", "") else ""
            return page(start_response, "Log in", failed +
                        '<form method="post"><label>Name <input name="user" required></label> '
                        '<label>Password <input name="password" type="password"></label> '
                        '<button>Log in</button></form>')
        if path == "/logout":
            return redirect(start_response, "/login", ("Set-Cookie", "session=; Path=/; Max-Age=0"))
        user = session_user(environ)
        if user is None:
            return redirect(start_response, "/login")
        environ["myapp.user"] = user
        return app(environ, start_response)
    return middleware


def pages(environ, start_response):
    user = escape(environ["myapp.user"])
    return page(start_response, f"Hello, {user}", '<p>You are logged in.</p><p><a href="/logout">Log out</a></p>')


app = static_files(login_required(pages), STATIC)
