async def app(scope, receive, send):
    if scope["type"] == "websocket":
        await receive()  # the websocket.connect event
        await send({"type": "websocket.accept"})
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            await send({"type": "websocket.send", "text": "echo: " + (message.get("text") or "")})
    elif scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
        await send({"type": "http.response.body", "body": b"Connect with a WebSocket client.\n"})
