# pitfall: the app never calls start_response, so the server has no status or headers to send
def app(environ, start_response):
    return [b"Hello, WSGI!\n"]
