"""Misbehaving WSGI apps, one per row of the servers' differences table (and more).

Each function is a complete WSGI app; the dispatcher picks one by name from /bad/<name>.
They break PEP 3333 on purpose so the differential suite can show how each server reacts.
"""
import io
import sys

TEXT = ("Content-Type", "text/plain")


def no_cl_two_items(environ, start_response):
    start_response("200 OK", [TEXT])
    return [b"hello ", b"world"]


def no_cl_one_item(environ, start_response):
    start_response("200 OK", [TEXT])
    return [b"hello"]


def no_cl_generator(environ, start_response):
    start_response("200 OK", [TEXT])
    yield b"one "
    yield b"two"


def status_no_reason(environ, start_response):
    start_response("200", [TEXT, ("Content-Length", "2")])
    return [b"ok"]


def status_odd_reason(environ, start_response):
    start_response("299 Whatever You Like", [TEXT, ("Content-Length", "2")])
    return [b"ok"]


def headers_tuple(environ, start_response):
    start_response("200 OK", (TEXT, ("Content-Length", "2")))
    return [b"ok"]


def hop_by_hop(environ, start_response):
    start_response("200 OK", [TEXT, ("Connection", "keep-alive"), ("Content-Length", "2")])
    return [b"ok"]


def str_body(environ, start_response):
    start_response("200 OK", [TEXT])
    return ["hello"]


def str_not_list(environ, start_response):
    start_response("200 OK", [TEXT])
    return "hello"


def crlf_in_header(environ, start_response):
    start_response("200 OK", [TEXT, ("X-Evil", "a\r\nInjected: yes"), ("Content-Length", "2")])
    return [b"ok"]


def cl_smaller(environ, start_response):
    start_response("200 OK", [TEXT, ("Content-Length", "3")])
    return [b"hello"]


def cl_larger(environ, start_response):
    start_response("200 OK", [TEXT, ("Content-Length", "10")])
    return [b"hello"]


def cl_empty_body(environ, start_response):
    # Short for GET; for HEAD exactly right (phase 2's head_request.py): the length a GET would get.
    start_response("200 OK", [TEXT, ("Content-Length", "24")])
    return []


def cl_not_a_number(environ, start_response):
    start_response("200 OK", [TEXT, ("Content-Length", "five")])
    return [b"hello"]


def no_start_response(environ, start_response):
    return [b"forgot"]


def no_start_response_empty(environ, start_response):
    return []


def raise_before_start(environ, start_response):
    raise RuntimeError("boom before start_response")


def raise_after_start(environ, start_response):
    start_response("200 OK", [TEXT])
    raise RuntimeError("boom after start_response")


def raise_first_next(environ, start_response):
    start_response("200 OK", [TEXT])
    raise_now = True
    if raise_now:
        raise ValueError("boom in the first next()")
    yield b"never"


def _gen_raise_mid(start_response):
    start_response("200 OK", [TEXT])
    yield b"partial "
    raise ValueError("boom mid-iteration")


def raise_mid_iteration(environ, start_response):
    return _gen_raise_mid(start_response)


def return_none(environ, start_response):
    start_response("200 OK", [TEXT])
    return None


def start_twice(environ, start_response):
    start_response("200 OK", [TEXT])
    start_response("404 Not Found", [TEXT])
    return [b"twice"]


def exc_info_before_headers(environ, start_response):
    start_response("200 OK", [TEXT, ("X-First", "yes")])
    try:
        raise KeyError("missing")
    except KeyError:
        start_response("503 Service Unavailable", [TEXT, ("Content-Length", "5")], sys.exc_info())
    return [b"sorry"]


def exc_info_after_write(environ, start_response):
    write = start_response("200 OK", [TEXT])
    write(b"started ")
    try:
        raise KeyError("late")
    except KeyError:
        start_response("500 Oops", [TEXT], sys.exc_info())
    return [b"never"]


def write_then_iterable(environ, start_response):
    write = start_response("200 OK", [TEXT])
    write(b"from write; ")
    return [b"from iterable"]


def write_only(environ, start_response):
    write = start_response("200 OK", [TEXT])
    write(b"only ")
    write(b"write")
    return []


def empty_chunks(environ, start_response):
    start_response("200 OK", [TEXT])
    return [b"", b"a", b"", b"b", b""]


def two_cookies(environ, start_response):
    start_response("200 OK", [TEXT, ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"),
                              ("Content-Length", "2")])
    return [b"ok"]


def latin1_header(environ, start_response):
    start_response("200 OK", [TEXT, ("X-Name", "caf\u00e9"), ("Content-Length", "2")])
    return [b"ok"]


def non_latin1_header(environ, start_response):
    start_response("200 OK", [TEXT, ("X-Price", "5 \u20ac"), ("Content-Length", "2")])
    return [b"ok"]


def lower_case_headers(environ, start_response):
    start_response("200 OK", [("content-type", "text/plain"), ("x-custom-thing", "v"),
                              ("content-length", "2")])
    return [b"ok"]


def server_and_date(environ, start_response):
    start_response("200 OK", [TEXT, ("Server", "mine/1.0"),
                              ("Date", "Thu, 01 Jan 1970 00:00:00 GMT"), ("Content-Length", "2")])
    return [b"ok"]


def status_204(environ, start_response):
    start_response("204 No Content", [])
    return []


def status_304_with_body(environ, start_response):
    start_response("304 Not Modified", [TEXT])
    return [b"should not be here"]


def header_value_int(environ, start_response):
    start_response("200 OK", [TEXT, ("Content-Length", 2)])
    return [b"ok"]


def bad_header_name(environ, start_response):
    start_response("200 OK", [TEXT, ("Bad Name", "v"), ("Content-Length", "2")])
    return [b"ok"]


def bytearray_body(environ, start_response):
    start_response("200 OK", [TEXT])
    return [bytearray(b"ba")]


def errors_stream(environ, start_response):
    environ["wsgi.errors"].write("a line for the log\n")
    start_response("200 OK", [TEXT, ("Content-Length", "2")])
    return [b"ok"]


def file_wrapper(environ, start_response):
    start_response("200 OK", [TEXT])
    return environ["wsgi.file_wrapper"](io.BytesIO(b"file contents"), 4)


def big_chunks(environ, start_response):
    start_response("200 OK", [TEXT])
    return (b"%d" % (i % 10) * 1000 for i in range(3))


def repeated_app_headers(environ, start_response):
    start_response("200 OK", [("X-Multi", "1"), TEXT, ("x-multi", "2"), ("Content-Length", "2")])
    return [b"ok"]


def headers_generator(environ, start_response):
    start_response("200 OK", (h for h in [TEXT, ("Content-Length", "2")]))
    return [b"ok"]


def file_wrapper_real_file(environ, start_response):
    start_response("200 OK", [TEXT])
    path = __file__.rsplit("/", 1)[0] + "/static.txt"
    return environ["wsgi.file_wrapper"](open(path, "rb"), 16)


def read_lines(environ, start_response):
    stream = environ["wsgi.input"]
    lines = [stream.readline(), stream.readline(1), stream.readline()]
    body = repr(lines).encode()
    start_response("200 OK", [TEXT, ("Content-Length", str(len(body)))])
    return [body]


class _Closing:
    """An iterable whose close() raises, to show close() errors after the body."""

    def __init__(self):
        self.items = [b"closing"]

    def __iter__(self):
        return iter(self.items)

    def close(self):
        raise RuntimeError("close() failed")


def close_raises(environ, start_response):
    start_response("200 OK", [TEXT])
    return _Closing()


APPS = {name: fn for name, fn in dict(globals()).items()
        if callable(fn) and not name.startswith("_") and fn.__module__ == __name__}
