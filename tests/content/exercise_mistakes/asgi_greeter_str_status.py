from urllib.parse import parse_qs


async def app(scope, receive, send):
    name = parse_qs(scope["query_string"].decode("latin-1")).get("name", ["stranger"])[0]
    await send({"type": "http.response.start", "status": "200 OK",  # WSGI habit: ASGI wants 200
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": f"Hello, {name}!\n".encode("utf-8")})
