import unittest

from helpers import get  # noqa: F401  (puts the core on sys.path)
from wsgisim.http_parser import BadRequest, dechunk, parse_head, split_target


class ParseHeadTest(unittest.TestCase):
    def test_spans_point_at_the_raw_bytes(self):
        raw = b"GET /a?b HTTP/1.1\r\nHost: x\r\nX-Y:  z \r\n\r\nbody"
        head = parse_head(raw)
        self.assertTrue(head.complete)
        self.assertEqual([w for w, _ in head.words], ["GET", "/a?b", "HTTP/1.1"])
        for word, (start, end) in head.words:
            self.assertEqual(raw[start:end].decode(), word)
        self.assertEqual([(f.name, f.value) for f in head.fields], [("Host", " x"), ("X-Y", "  z ")])
        start, end = head.fields[1].span
        self.assertEqual(raw[start:end], b"X-Y:  z ")
        self.assertEqual(raw[head.body_start:], b"body")

    def test_incomplete_head(self):
        head = parse_head(b"GET / HTTP/1.1\r\nHost: x\r\n")
        self.assertFalse(head.complete)

    def test_leading_blank_lines_are_ignored(self):
        self.assertEqual(parse_head(b"\r\n\r\nGET / HTTP/1.0\r\n\r\n").words[0][0], "GET")


class TargetTest(unittest.TestCase):
    def test_origin_form(self):
        self.assertEqual(split_target("/p%2Fq?x=1#f"), ("", "", "/p%2Fq", "x=1", "f"))

    def test_absolute_form(self):
        self.assertEqual(split_target("http://h:8/a?b"), ("http", "h:8", "/a", "b", ""))


class DechunkTest(unittest.TestCase):
    def test_decodes_chunks_and_extensions(self):
        raw = b"4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: t\r\n\r\nNEXT"
        data, end, trailers = dechunk(raw, 0)
        self.assertEqual(data, b"Wikipedia")
        self.assertEqual(raw[end:], b"NEXT")
        self.assertEqual(trailers, [b"Trailer: t"])

    def test_bad_size_and_short_chunk(self):
        for raw in (b"zz\r\nabc\r\n0\r\n\r\n", b"9\r\nabc\r\n", b"3\r\nabcX\r\n0\r\n\r\n", b"3\r\nabc"):
            with self.assertRaises(BadRequest, msg=raw):
                dechunk(raw, 0)


if __name__ == "__main__":
    unittest.main()
