import asyncio


async def app(scope, receive, send):
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/event-stream"),
                            (b"cache-control", b"no-cache")]})
    for n in range(1, 4):
        await send({"type": "http.response.body",
                    "body": f"data: tick {n}\n\n".encode(), "more_body": True})
        await asyncio.sleep(0.5)  # the loop serves other connections meanwhile
    await send({"type": "http.response.body", "body": b"data: done\n\n"})
