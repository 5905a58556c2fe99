def site(environ, start_response):
    body = b"The main site\n"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]


def api(environ, start_response):
    text = f"API app: SCRIPT_NAME={environ['SCRIPT_NAME']!r} PATH_INFO={environ['PATH_INFO']!r}\n"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [text.encode("utf-8")]


MOUNTS = {"/api": api}


def app(environ, start_response):
    path = environ.get("PATH_INFO", "")
    for prefix, mounted in MOUNTS.items():
        if path == prefix or path.startswith(prefix + "/"):
            # Move the prefix from PATH_INFO to SCRIPT_NAME, so the mounted
            # app sees paths relative to where it lives.
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + prefix
            environ["PATH_INFO"] = path[len(prefix):]
            return mounted(environ, start_response)
    return site(environ, start_response)
