# pitfall: time.sleep inside an async app blocks the event loop, so every other request waits too
import time


async def app(scope, receive, send):
    assert scope["type"] == "http"
    if scope["path"] == "/slow":
        time.sleep(2)  # blocks the one thread the event loop runs on
        body = b"Sorry for the wait.\n"
    else:
        body = b"Quick answer.\n"
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})
