import asyncio


async def app(scope, receive, send):
    assert scope["type"] == "http"
    lines = []
    for n in (3, 2, 1):
        lines.append(f"{n}...\n")
        await asyncio.sleep(0.5)  # the next number comes half a second later
    lines.append("liftoff\n")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": "".join(lines).encode("utf-8")})
