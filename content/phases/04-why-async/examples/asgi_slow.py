import asyncio


async def app(scope, receive, send):
    assert scope["type"] == "http"
    if scope["path"] == "/slow":
        await asyncio.sleep(2)  # stands in for awaiting a slow outside API
        body = b"Sorry for the wait.\n"
    else:
        body = b"Quick answer.\n"
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})
