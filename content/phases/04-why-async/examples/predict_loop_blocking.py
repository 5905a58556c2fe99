import time


async def app(scope, receive, send):
    if scope["path"] == "/slow":
        time.sleep(1)  # the same call, made with a blocking library
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"done"})
