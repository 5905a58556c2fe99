async def app(scope, receive, send):
    assert scope["type"] == "http"  # this app speaks only HTTP
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"text/plain; charset=utf-8")],
    })
    await send({"type": "http.response.body", "body": b"Hello, ASGI!\n"})
