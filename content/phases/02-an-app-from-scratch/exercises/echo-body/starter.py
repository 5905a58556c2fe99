def app(environ, start_response):
    # read() with no size waits for the stream to end. Read exactly CONTENT_LENGTH bytes.
    data = environ["wsgi.input"].read()
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return [data]
