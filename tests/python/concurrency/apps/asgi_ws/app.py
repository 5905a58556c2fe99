"""WebSocket behaviours for the loop's tests: the path picks one."""


async def app(scope, receive, send):
    path = scope["path"]
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"plain http"})
        return
    assert (await receive())["type"] == "websocket.connect"
    if path == "/refuse":
        await send({"type": "websocket.close", "code": 1008})
    elif path == "/forget":
        return
    elif path == "/too-early":
        await send({"type": "websocket.send", "text": "hi"})
    elif path == "/crash":
        await send({"type": "websocket.accept"})
        await receive()
        raise ValueError("boom")
    elif path == "/bye":
        await send({"type": "websocket.accept"})
        message = await receive()
        await send({"type": "websocket.send", "text": "bye " + message["text"]})
        await send({"type": "websocket.close", "code": 1000})
        await send({"type": "websocket.send", "text": "too late"})
    else:
        await send({"type": "websocket.accept"})
        while (message := await receive())["type"] == "websocket.receive":
            await send({"type": "websocket.send", "text": message["text"].upper()})
