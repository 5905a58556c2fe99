USERS = {"ada": "Ada Lovelace", "grace": "Grace Hopper"}


def app(environ, start_response):
    name = environ["PATH_INFO"].strip("/") or "ada"
    full_name = USERS[name]
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [f"Hello, {full_name}".encode("utf-8")]
