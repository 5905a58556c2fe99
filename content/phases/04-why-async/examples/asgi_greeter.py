from urllib.parse import parse_qs


async def read_body(receive):
    """Collect http.request events until more_body is False."""
    body, more = b"", True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    return body


async def app(scope, receive, send):
    assert scope["type"] == "http"
    if scope["method"] == "POST":
        text = f"You sent {len(await read_body(receive))} bytes\n"
    else:
        query = parse_qs(scope["query_string"].decode("latin-1"))
        text = f"Hello, {query.get('name', ['stranger'])[0]}!\n"
    body = text.encode("utf-8")
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
