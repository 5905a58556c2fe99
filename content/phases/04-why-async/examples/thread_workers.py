import threading
import time


def app(environ, start_response):
    if environ.get("PATH_INFO") == "/slow":
        time.sleep(2)  # a blocking wait: fine in a thread, it only blocks this thread
    text = f"Served by thread {threading.current_thread().name}; multithread={environ['wsgi.multithread']}\n"
    body = text.encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
