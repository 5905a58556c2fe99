import asyncio


async def app(scope, receive, send):
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    for n in (3, 2, 1):
        # more_body=True: this is a part of the body, more comes later.
        await send({"type": "http.response.body", "body": f"{n}...\n".encode("utf-8"), "more_body": True})
        await asyncio.sleep(0.5)  # while this request waits, the loop serves others
    await send({"type": "http.response.body", "body": b"liftoff\n", "more_body": False})
