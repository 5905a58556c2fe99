import asyncio


async def app(scope, receive, send):
    if scope["path"] == "/slow":
        await asyncio.sleep(1)  # an async call to an outside API
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"done"})
