import asyncio
import time


def call_slow_service():
    time.sleep(0.3)
    return "42"


async def app(scope, receive, send):
    answer = await asyncio.to_thread(call_slow_service)  # right on uvicorn; no threads on this page
    body = f"The service said {answer}\n".encode("utf-8")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})
