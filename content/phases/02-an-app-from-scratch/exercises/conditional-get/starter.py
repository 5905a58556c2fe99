import hashlib

PAGE = "<!doctype html>\n<title>Menu</title>\n<p>Soup of the day: leek and potato.</p>\n".encode("utf-8")
# A strong validator: it changes whenever the bytes change.
ETAG = '"' + hashlib.sha256(PAGE).hexdigest()[:16] + '"'


def app(environ, start_response):
    if environ["PATH_INFO"] != "/menu":
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Not found.\n"]
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                              ("Content-Length", str(len(PAGE)))])
    return [PAGE]
