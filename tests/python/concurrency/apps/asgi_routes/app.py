"""An ASGI app with one route per behaviour the event-loop tests need."""
import asyncio
import time

from simulate import cpu_work, slow_io, slow_io_async


async def read_body(receive):
    body, more = b"", True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    return body


async def respond(send, text, status=200):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": text.encode()})


async def app(scope, receive, send):
    path = scope["path"]
    if path == "/":
        await receive()
        await respond(send, "fast")
    elif path == "/await":
        await asyncio.sleep(10)
        await respond(send, "waited")
    elif path == "/await_io":
        await slow_io_async(2)
        await respond(send, "io")
    elif path == "/block":
        time.sleep(2)
        await respond(send, "blocked")
    elif path == "/block_io":
        slow_io(3)
        await respond(send, "blocked io")
    elif path == "/cpu":
        cpu_work(0.5)
        await respond(send, "cpu")
    elif path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for part in (b"one ", b"two ", b"three"):
            await asyncio.sleep(1)
            await send({"type": "http.response.body", "body": part, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
    elif path == "/echo":
        await respond(send, (await read_body(receive)).decode())
    elif path == "/echo_first":
        await respond(send, (await receive())["body"].decode())
    elif path == "/body_first":
        await send({"type": "http.response.body", "body": b"oops"})
    elif path == "/start_twice":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.start", "status": 200, "headers": []})
    elif path == "/no_final":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"partial", "more_body": True})
    elif path == "/silent":
        return
    elif path == "/hang":
        await receive()
        await receive()      # waits for http.disconnect, which comes only after a response
        await respond(send, "never")
    elif path == "/forever":
        while True:
            await asyncio.sleep(1)
    elif path == "/spin":
        while True:
            await asyncio.sleep(0)
    elif path == "/thread":
        await asyncio.to_thread(time.sleep, 1)
    elif path == "/boom":
        raise ZeroDivisionError("division by zero")
    elif path == "/str_body":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": "text"})
    elif path == "/clock":
        t0 = time.monotonic()
        await asyncio.sleep(1.5)
        print(f"took {time.monotonic() - t0:.3f}")
        await respond(send, f"{time.time():.1f}")
    else:
        await respond(send, "not found", 404)
