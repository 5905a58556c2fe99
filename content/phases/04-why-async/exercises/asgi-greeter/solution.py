from urllib.parse import parse_qs


async def app(scope, receive, send):
    assert scope["type"] == "http"
    query = parse_qs(scope["query_string"].decode("latin-1"))
    name = query.get("name", ["stranger"])[0]
    body = f"Hello, {name}!\n".encode("utf-8")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
