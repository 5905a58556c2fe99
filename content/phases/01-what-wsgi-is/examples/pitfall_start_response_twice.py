# pitfall: start_response is called a second time without exc_info
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Which status wins?\n"]
