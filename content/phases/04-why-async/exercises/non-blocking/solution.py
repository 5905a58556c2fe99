import asyncio


async def call_slow_service():
    await asyncio.sleep(0.3)  # awaiting lets the loop serve other requests meanwhile
    return "42"


async def app(scope, receive, send):
    assert scope["type"] == "http"
    answer = await call_slow_service()
    body = f"The service said {answer}\n".encode("utf-8")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})
