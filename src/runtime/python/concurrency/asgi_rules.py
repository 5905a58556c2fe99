"""ASGI rules the server checks, each with the spec section it comes from and a fix in plain words.

Reported like the WSGI core's violations ({"rule", "pep", ...}), with "spec" naming the
ASGI document and section instead of a PEP. Where uvicorn reacts to a mistake, the
server reacts the same way (the RuntimeError text is uvicorn's), so what the reader
sees here is what they would see in production.
"""

WWW = "ASGI HTTP & WebSocket message format"
MAIN = "ASGI specification"
URL_WWW = "https://asgi.readthedocs.io/en/latest/specs/www.html"
URL_MAIN = "https://asgi.readthedocs.io/en/latest/specs/main.html"

RULES = {
    "not-async": (
        f"{MAIN}, Applications", URL_MAIN + "#applications",
        "Write the app as `async def app(scope, receive, send):` — an ASGI app is a coroutine "
        "function called once per connection, and the server awaits what it returns."),
    "wsgi-app": (
        f"{MAIN}, Applications", URL_MAIN + "#applications",
        "This callable takes (environ, start_response): it is a WSGI app. Serve it with the "
        "worker pool, or write `async def app(scope, receive, send):` for the event loop."),
    "message-not-dict": (
        f"{MAIN}, Events", URL_MAIN + "#events",
        "Pass send() a dict with a \"type\" key, e.g. {\"type\": \"http.response.start\", ...}."),
    "body-before-start": (
        f"{WWW}, Response Start", URL_WWW + "#response-start-send-event",
        "Send {\"type\": \"http.response.start\", \"status\": ..., \"headers\": [...]} first, "
        "then the http.response.body message(s)."),
    "start-twice": (
        f"{WWW}, Response Start", URL_WWW + "#response-start-send-event",
        "Send http.response.start exactly once per request; pick the status before sending it."),
    "unknown-message": (
        f"{WWW}, Response Start / Response Body", URL_WWW + "#response-body-send-event",
        "An HTTP app sends only \"http.response.start\" and then \"http.response.body\" messages; "
        "check the spelling of \"type\"."),
    "bad-status": (
        f"{WWW}, Response Start", URL_WWW + "#response-start-send-event",
        "\"status\" is an int such as 200, not a string like \"200 OK\" (the reason phrase "
        "is the server's job)."),
    "bad-headers": (
        f"{WWW}, Response Start", URL_WWW + "#response-start-send-event",
        "\"headers\" is a list of [name, value] pairs of bytes, names lowercased: "
        "[(b\"content-type\", b\"text/plain\")]."),
    "bad-body": (
        f"{WWW}, Response Body", URL_WWW + "#response-body-send-event",
        "\"body\" is bytes: encode text first, e.g. \"hello\".encode(\"utf-8\")."),
    "send-after-complete": (
        f"{WWW}, Response Body", URL_WWW + "#response-body-send-event",
        "After a body message with more_body False (the default) the response is over; "
        "send every chunk but the last with \"more_body\": True."),
    "never-started": (
        f"{WWW}, Response Start", URL_WWW + "#response-start-send-event",
        "Every path through the app must send http.response.start and a body; the server "
        "answered 500 for you."),
    "never-completed": (
        f"{WWW}, Response Body", URL_WWW + "#response-body-send-event",
        "The last body message must have more_body False (or leave it out): the client "
        "was left waiting and the server cut the connection."),
    "request-body-unread": (
        f"{WWW}, Request", URL_WWW + "#request-receive-event",
        "Loop on receive() while message.get(\"more_body\") is True and join the chunks: "
        "the app answered after reading only part of the request body."),
    "returned-value": (
        f"{MAIN}, Applications", URL_MAIN + "#applications",
        "An ASGI app returns None: everything goes out through send()."),
    "never-finished": (
        f"{WWW}, Request", URL_WWW + "#request-receive-event",
        "The app was still waiting when the simulation ended. After the last http.request "
        "message, receive() only returns when the client disconnects: don't await it "
        "before responding, and don't wait on something nothing will ever set."),
    "ran-past-end": (
        f"{MAIN}, Applications", URL_MAIN + "#applications",
        "The app was still running long after the last request arrived (the simulation ends "
        "then). A request handler should finish: look for a `while True:` without a way out."),
    "starved-loop": (
        f"{MAIN}, Applications", URL_MAIN + "#applications",
        "A task kept running without letting time pass (e.g. `while True: await asyncio.sleep(0)`), "
        "so the loop could never reach the other requests' timers. Wait for something real, "
        "or end the loop."),
    "ws-before-accept": (
        f"{WWW}, Accept", URL_WWW + "#accept-send-event",
        "Answer websocket.connect with {\"type\": \"websocket.accept\"} (or websocket.close to refuse) "
        "before sending any message."),
    "ws-bad-send": (
        f"{WWW}, Send - send event", URL_WWW + "#send-send-event",
        "Send {\"type\": \"websocket.send\", \"text\": \"...\"} for text or \"bytes\": b\"...\" for binary: "
        "exactly one of the two."),
    "ws-after-close": (
        f"{WWW}, Close - send event", URL_WWW + "#close-send-event",
        "After websocket.close (or once receive() gave websocket.disconnect) the connection is gone: "
        "return from the app instead of sending."),
    "ws-never-accepted": (
        f"{WWW}, Accept", URL_WWW + "#accept-send-event",
        "Send websocket.accept (or websocket.close) after websocket.connect: a WebSocket app that "
        "returns without either fails the handshake, and the server answers 500."),
    "blocking-call": (
        f"{MAIN}, Applications", URL_MAIN + "#applications",
        "A blocking call inside `async def` stops the whole event loop: every other request "
        "waits too. Use `await asyncio.sleep(...)`, or an async client for the database or API."),
}


def violation(rule, message):
    """A violation record: rule id, spec section and link, what happened, how to fix it."""
    spec, url, fix = RULES[rule]
    return {"rule": rule, "spec": spec, "url": url, "message": message, "fix": fix}
