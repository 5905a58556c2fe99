"""The raw requests of the differential suite: well-formed requests to the environ dump, one
request per misbehaving app (tests/python/fixtureapps/misbehaving.py), malformed requests, limits,
and whole connections (unfinished requests, half-closed or not; pipelined requests)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtureapps"))
from misbehaving import APPS  # noqa: E402

H = "Host: localhost\r\n"


def _req(line, headers="", body=b""):
    return (line + "\r\n" + headers + "\r\n").encode("latin-1") + body


REQUESTS = {
    "get_root": _req("GET / HTTP/1.1", H),
    "get_root_10": _req("GET / HTTP/1.0"),
    "get_query": _req("GET /search?q=wsgi&lang=en HTTP/1.1", H),
    "get_query_encoded": _req("GET /s?q=a%20b+c&x=%2F HTTP/1.1", H),
    "get_empty_query": _req("GET /path? HTTP/1.1", H),
    "path_pct_2f": _req("GET /a%2Fb/c HTTP/1.1", H),
    "path_utf8": _req("GET /caf%C3%A9 HTTP/1.1", H),
    "path_space_plus": _req("GET /a%20b+c HTTP/1.1", H),
    "path_dots": _req("GET /a/./b/../c HTTP/1.1", H),
    "path_double_slash_inner": _req("GET /a//b HTTP/1.1", H),
    "path_double_slash_lead": _req("GET //lead HTTP/1.1", H),
    "path_raw_latin1": _req("GET /na\u00efve HTTP/1.1", H),
    "absolute_form": _req("GET http://example.com/abs/path?x=1 HTTP/1.1", H),
    "no_host": _req("GET /nohost HTTP/1.1"),
    "host_with_port": _req("GET / HTTP/1.1", "Host: example.com:9999\r\n"),
    "dup_headers": _req("GET / HTTP/1.1", H + "X-Dup: a\r\nX-Dup: b\r\n"),
    "underscore_header": _req("GET / HTTP/1.1", H + "X_Under: u\r\nX-Under: d\r\n"),
    "empty_header_value": _req("GET / HTTP/1.1", H + "X-Empty:\r\n"),
    "header_whitespace": _req("GET / HTTP/1.1", H + "X-Spaces:   padded   \r\n"),
    "mixed_case_header": _req("GET / HTTP/1.1", H + "x-MiXeD-case: v\r\n"),
    "post_form": _req("POST /form HTTP/1.1", H + "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 12\r\n", b"a=1&b=two%21"),
    "post_json_10": _req("POST /json HTTP/1.0", "Content-Type: application/json\r\n"
                         "Content-Length: 9\r\n", b'{"a": 1}\n'),
    "post_no_type": _req("POST /raw HTTP/1.1", H + "Content-Length: 4\r\n", b"data"),
    "post_chunked": _req("POST /chunked HTTP/1.1", H + "Transfer-Encoding: chunked\r\n",
                         b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"),
    "post_expect_100": _req("POST /expect HTTP/1.1", H + "Content-Length: 5\r\nExpect: 100-continue\r\n",
                            b"hello"),
    "put_method": _req("PUT /item/1 HTTP/1.1", H + "Content-Length: 3\r\n", b"new"),
    "delete_method": _req("DELETE /item/1 HTTP/1.1", H),
    "patch_method": _req("PATCH /item/1 HTTP/1.1", H + "Content-Length: 2\r\n", b"{}"),
    "options_method": _req("OPTIONS /opt HTTP/1.1", H),
    "custom_method": _req("PURGE /cache HTTP/1.1", H),
    "head_root": _req("HEAD / HTTP/1.1", H),
    "head_10": _req("HEAD /h HTTP/1.0"),
    "conn_close": _req("GET / HTTP/1.1", H + "Connection: close\r\n"),
    "keep_alive_10": _req("GET / HTTP/1.0", "Connection: keep-alive\r\n"),
    "stream_11": _req("GET /stream/x HTTP/1.1", H),
    "stream_10": _req("GET /stream/x HTTP/1.0"),
    "stream_head": _req("HEAD /stream/x HTTP/1.1", H),
    "fragment_in_target": _req("GET /frag#part HTTP/1.1", H),
    "cookie_header": _req("GET / HTTP/1.1", H + "Cookie: a=1; b=2\r\n"),
    "content_type_get": _req("GET / HTTP/1.1", H + "Content-Type: text/html\r\n"),
    "forwarded_proto": _req("GET / HTTP/1.1", H + "X-Forwarded-Proto: https\r\n"),
    "script_name_header": _req("GET /app/page HTTP/1.1", H + "Script-Name: /app\r\n"),
    "script_name_underscore": _req("GET /app/page HTTP/1.1", H + "SCRIPT_NAME: /app\r\n"),
    "expect_100_http10": _req("POST /e HTTP/1.0", "Expect: 100-continue\r\nContent-Length: 2\r\n", b"hi"),
    "chunked_http10": _req("POST /c HTTP/1.0", "Transfer-Encoding: chunked\r\n", b"2\r\nhi\r\n0\r\n\r\n"),
    "conn_close_stream": _req("GET /stream/y HTTP/1.1", H + "Connection: close\r\n"),
    "big_post": _req("POST /big HTTP/1.1", H + "Content-Length: 3000\r\n", b"z" * 3000),
}

BAD_REQUESTS = {
    "bad_" + name: _req("GET /bad/%s HTTP/1.1" % name, H) for name in sorted(APPS)
}
BAD_REQUESTS.update({
    "badpost_read_lines": _req("POST /bad/read_lines HTTP/1.1", H + "Content-Length: 8\r\n", b"ab\ncd\nef"),
    "bad10_no_cl_two_items": _req("GET /bad/no_cl_two_items HTTP/1.0"),
    "bad10_no_cl_generator": _req("GET /bad/no_cl_generator HTTP/1.0"),
    "badhead_no_cl_one_item": _req("HEAD /bad/no_cl_one_item HTTP/1.1", H),
    "badhead_cl_larger": _req("HEAD /bad/cl_larger HTTP/1.1", H),
    "badhead_cl_empty_body": _req("HEAD /bad/cl_empty_body HTTP/1.1", H),
    "badhead10_cl_empty_body": _req("HEAD /bad/cl_empty_body HTTP/1.0"),
})

# Malformed requests: each server's own refusal (or, for some, acceptance).
MALFORMED = {
    "mal_bad_version": b"GET / HTTP/x.y\r\nHost: localhost\r\n\r\n",
    "mal_http2_version": b"GET / HTTP/2.0\r\nHost: localhost\r\n\r\n",
    "mal_four_words": b"GET / extra HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "mal_lowercase_method": b"get / HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "mal_header_no_colon": b"GET / HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n\r\n",
    "mal_space_before_colon": b"GET / HTTP/1.1\r\nHost : localhost\r\n\r\n",
    "mal_cl_not_number": b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
    "mal_cl_twice": b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi",
    "mal_te_gzip": b"POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n",
    "mal_bad_chunk_size": b"POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
    "mal_te_and_cl": (b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                      b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
    "mal_obs_fold": b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: one\r\n  two\r\n\r\n",
    "mal_http09": b"GET /\r\n\r\n",
}



def _line(size):
    """A GET whose request line is exactly `size` bytes long (without its CRLF)."""
    return _req("GET /" + "a" * (size - len("GET / HTTP/1.1")) + " HTTP/1.1", H)


# Limits: gunicorn's defaults (request line 4094, 100 header fields of at most 8190 bytes) and
# what the other servers do at the same sizes.
LIMITS = {"limit_line_%d" % n: _line(n) for n in (4094, 4095, 8190, 8191, 9000)}
LIMITS.update({
    "limit_fields_100": _req("GET / HTTP/1.1", H + "".join("X-F%d: v\r\n" % i for i in range(99))),
    "limit_fields_101": _req("GET / HTTP/1.1", H + "".join("X-F%d: v\r\n" % i for i in range(100))),
    "limit_field_8190": _req("GET / HTTP/1.1", H + "X-Big: " + "v" * (8190 - 2 - 7) + "\r\n"),
    "limit_field_8191": _req("GET / HTTP/1.1", H + "X-Big: " + "v" * (8191 - 2 - 7) + "\r\n"),
    # gunicorn buffers at most 100 * (8190 + 2) + 4 header bytes looking for the blank line,
    # waitress 262144; wsgiref refuses any line over 65536 bytes (431), finished or not.
    "limit_header_section_900k": _req("GET / HTTP/1.1", H + "X-A: " + "a" * 900000 + "\r\n"),
    "limit_header_section_300k_unfinished": ("GET / HTTP/1.1\r\n" + H + "X-A: " + "a" * 300000).encode(),
})

# One connection: requests that stop before their end, an unsized read(), pipelining. Each is sent
# twice: the client keeping the connection open, and (prefix hc_) then closing its sending side.
CONNECTION = {
    "conn_unterminated_head": ("GET / HTTP/1.1\r\n" + H).encode(),
    "conn_unterminated_line": b"GET / HTTP/1.1",
    "conn_chunked_no_trailer_end": _req("POST /c HTTP/1.1", H + "Transfer-Encoding: chunked\r\n",
                                        b"2\r\nhi\r\n0\r\n"),
    "conn_chunked_short": _req("POST /c HTTP/1.1", H + "Transfer-Encoding: chunked\r\n", b"5\r\nhi"),
    "conn_cl_short": _req("POST /c HTTP/1.1", H + "Content-Length: 5\r\n", b"hi"),
    "conn_readall_cl": _req("POST /readall HTTP/1.1", H + "Content-Length: 2\r\n", b"hi"),
    "conn_readall_no_cl": _req("POST /readall HTTP/1.1", H, b"hi"),
    "conn_pipelined": _req("GET /one HTTP/1.1", H) + _req("GET /two?x=1 HTTP/1.1", H),
    "conn_pipelined_post": (_req("POST /one HTTP/1.1", H + "Content-Length: 2\r\n", b"hi")
                            + _req("PUT /two HTTP/1.1", H + "Content-Length: 3\r\n", b"abc")),
    "conn_pipelined_three": _req("GET /1 HTTP/1.1", H) + _req("GET /stream/2 HTTP/1.1", H)
                            + _req("GET /3 HTTP/1.0", "Connection: keep-alive\r\n"),
    "conn_pipelined_close_first": _req("GET /one HTTP/1.1", H + "Connection: close\r\n")
                                  + _req("GET /two HTTP/1.1", H),
    "conn_pipelined_then_partial": _req("GET /one HTTP/1.1", H) + b"GET /two HTTP/1.1\r\nHo",
    "conn_pipelined_then_bad": _req("GET /one HTTP/1.1", H) + b"GET / HTTP/x.y\r\n\r\n",
    "conn_empty": b"",
}
HALF_CLOSED = {"hc_" + name[len("conn_"):]: raw for name, raw in CONNECTION.items()}

# waitress 2.1.2's own parser raises ValueError (urlsplit: "Invalid IPv6 URL") and drops the connection.
MALFORMED["mal_waitress_parser_crash"] = b"PUT s://]ufd/: HTTP/1.1\r\nHost: localhost\r\n\r\n"

ALL = {**REQUESTS, **BAD_REQUESTS, **MALFORMED, **LIMITS, **CONNECTION, **HALF_CLOSED}
