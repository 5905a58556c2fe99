import time


def app(environ, start_response):
    if environ.get("PATH_INFO") == "/slow":
        time.sleep(2)  # stands in for a slow call to another service
        text = "Sorry for the wait.\n"
    else:
        text = "Quick answer.\n"
    body = text.encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
