import hashlib

PAGE = "<!doctype html>\n<title>Menu</title>\n<p>Soup of the day: leek and potato.</p>\n".encode("utf-8")
# A strong validator: it changes whenever the bytes change.
ETAG = '"' + hashlib.sha256(PAGE).hexdigest()[:16] + '"'


def app(environ, start_response):
    if environ["PATH_INFO"] != "/menu":
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Not found.\n"]
    method = environ["REQUEST_METHOD"]
    if method not in ("GET", "HEAD"):
        start_response("405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")])
        return [b"Use GET or HEAD.\n"]
    # If-None-Match lists the ETags the client already has (or is "*").
    known = [tag.strip() for tag in environ.get("HTTP_IF_NONE_MATCH", "").split(",")]
    if ETAG in known or "*" in known:
        # 304: "what you have is current". Same validator, no body.
        start_response("304 Not Modified", [("ETag", ETAG)])
        return []
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                              ("Content-Length", str(len(PAGE))), ("ETag", ETAG)])
    # HEAD: the same headers as GET, Content-Length included, and no body.
    return [] if method == "HEAD" else [PAGE]
