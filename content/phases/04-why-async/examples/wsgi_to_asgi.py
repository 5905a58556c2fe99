import io
import sys


def hello(environ, start_response):  # any WSGI app
    body = f"Hello from WSGI: {environ['REQUEST_METHOD']} {environ['PATH_INFO']}\n".encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]


def wsgi_to_asgi(wsgi_app):
    """The core of asgiref's WsgiToAsgi and a2wsgi's WSGIMiddleware, without their thread pool."""
    async def app(scope, receive, send):
        if scope["type"] != "http":
            return  # lifespan and websocket: a WSGI app has nothing to say to them
        body, more = b"", True
        while more:  # the whole request body first: wsgi.input is a file, not a stream of events
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        environ = {
            "REQUEST_METHOD": scope["method"], "SCRIPT_NAME": scope.get("root_path", ""),
            "PATH_INFO": scope["path"].encode("utf-8").decode("latin-1"),  # bytes as str again
            "QUERY_STRING": scope["query_string"].decode("latin-1"),
            "SERVER_NAME": scope["server"][0], "SERVER_PORT": str(scope["server"][1]),
            "SERVER_PROTOCOL": "HTTP/" + scope["http_version"],
            "wsgi.version": (1, 0), "wsgi.url_scheme": scope["scheme"], "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in scope["headers"]:
            key = name.decode("latin-1").upper().replace("-", "_")
            key = key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key
            environ[key] = environ[key] + "," + value.decode("latin-1") if key in environ else value.decode("latin-1")
        response = []

        def start_response(status, headers, exc_info=None):
            response[:] = [int(status.split()[0]),
                           [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]]

        chunks = wsgi_app(environ, start_response)  # runs on the loop's thread: the real bridges use a thread
        try:
            for chunk in chunks:
                if chunk:
                    if response[0] is not None:
                        await send({"type": "http.response.start", "status": response[0], "headers": response[1]})
                        response[0] = None
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        if response[0] is not None:
            await send({"type": "http.response.start", "status": response[0], "headers": response[1]})
        await send({"type": "http.response.body", "body": b""})
    return app


app = wsgi_to_asgi(hello)
