"""An ASGI app that starts a background task which never ends by itself."""
import asyncio

import leak_probe


async def ticker():
    try:
        while True:
            leak_probe.events.append("tick")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        leak_probe.events.append("cancelled")
        raise


async def app(scope, receive, send):
    asyncio.ensure_future(ticker())
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"started a task"})
