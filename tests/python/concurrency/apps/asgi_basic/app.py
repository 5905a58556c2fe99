"""The ASGI twin of wsgi_basic: "/" awaits 0.1 s of I/O, "/slow" 10 s; "/blocking" calls slow_io."""
from simulate import slow_io, slow_io_async

served = 0


async def app(scope, receive, send):
    global served
    served += 1
    await receive()
    if scope["path"] == "/blocking":
        slow_io(10)
    else:
        await slow_io_async(10 if scope["path"] == "/slow" else 0.1)
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": f"request {served} on the loop".encode()})
