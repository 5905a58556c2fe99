import unittest

from helpers import get  # noqa: F401
from wsgisim.environ import EnvironBuilder, bytes_as_unicode, http_key, jsonable
from wsgisim.streams import ErrorStream, InputStream, ServerLog
from wsgisim.trace import Trace, preview
from wsgisim.wire import chunk, read_response


class InputStreamTest(unittest.TestCase):
    def test_never_reads_past_the_body(self):
        stream = InputStream(b"line1\nline2\n", Trace())
        self.assertEqual(stream.readline(), b"line1\n")
        self.assertEqual(stream.read(100), b"line2\n")
        self.assertEqual(stream.read(), b"")
        self.assertEqual(stream.readline(), b"")

    def test_iteration_readlines_and_first_read_callback(self):
        calls = []
        stream = InputStream(b"a\nb\n", Trace(), on_first_read=lambda: calls.append(1))
        self.assertEqual(list(stream), [b"a\n", b"b\n"])
        stream.read()
        self.assertEqual(calls, [1])
        self.assertEqual(InputStream(b"a\nb", Trace()).readlines(), [b"a\n", b"b"])


class ErrorStreamTest(unittest.TestCase):
    def test_writes_reach_the_log_and_the_live_output(self):
        seen = []
        log = ServerLog(lambda stream, text: seen.append((stream, text)))
        errors = ErrorStream(log, Trace())
        errors.write("one\n")
        errors.writelines(["two\n"])
        errors.flush()
        self.assertEqual(log.text(), "one\ntwo\n")
        self.assertEqual(seen, [("stderr", "one\n"), ("stderr", "two\n")])
        with self.assertRaises(TypeError):
            errors.write(b"bytes")


class WireTest(unittest.TestCase):
    def test_reads_chunked_length_and_eof_bodies(self):
        chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(b"ab") + chunk(b"c") + b"0\r\n\r\n"
        self.assertEqual(read_response(chunked), ("200 OK", [["Transfer-Encoding", "chunked"]], b"abc", True))
        short = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab"
        self.assertEqual(read_response(short)[2:], (b"ab", False))
        interim = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 404 Nope\r\n\r\nbody"
        self.assertEqual(read_response(interim)[0::2], ("404 Nope", b"body"))
        self.assertEqual(read_response(b"")[0], None)

    def test_a_head_answer_is_whole_after_its_header_section(self):
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 24\r\n\r\n"
        self.assertEqual(read_response(head, head=True)[2:], (b"", True))
        self.assertEqual(read_response(head)[2:], (b"", False))

    def test_chunk_size_is_upper_case_hex(self):
        self.assertEqual(chunk(b"x" * 26), b"1A\r\n" + b"x" * 26 + b"\r\n")


class EnvironTest(unittest.TestCase):
    def test_bytes_as_unicode(self):
        self.assertEqual(bytes_as_unicode("/caf%C3%A9%2F+"), "/caf\u00c3\u00a9/+")
        self.assertEqual(http_key("x-Forwarded-for"), "HTTP_X_FORWARDED_FOR")

    def test_builder_keeps_sources_and_jsonable(self):
        b = EnvironBuilder()
        b.set("A", "x", (1, 3))
        b.update({"wsgi.version": (1, 0)})
        self.assertEqual(b.sources, {"A": [1, 3]})
        self.assertEqual(jsonable(b.environ), {"A": "x", "wsgi.version": {"type": "tuple", "repr": "(1, 0)"}})

    def test_trace_preview(self):
        self.assertEqual(preview(b"ab"), "ab")
        self.assertTrue(preview(b"x" * 100).endswith("…"))
        self.assertEqual(preview("s"), "'s'")


if __name__ == "__main__":
    unittest.main()
