"""The timing pitfall: the clock stops on return, the streamed body is produced later."""
import time


def slow_chunks():
    for word in (b"a", b"b"):
        time.sleep(0.05)
        yield word


def streaming(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return slow_chunks()


def timing(app):
    def middleware(environ, start_response):
        started = time.perf_counter()
        body = app(environ, start_response)
        environ["wsgi.errors"].write("%.1f ms\n" % ((time.perf_counter() - started) * 1000))
        return body
    return middleware


app = timing(streaming)
