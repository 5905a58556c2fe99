"""One connection: limits, a client that stops sending (kept open or half-closed), pipelined
requests, and waitress's own parser crash. Expected bytes measured on loopback against the real
servers (tests/python/differential checks them live)."""
import os
import unittest

from helpers import FIXTURES, MODES
from wsgisim.api import run_request
from wsgisim.modes import MODES as CLASSES

H = b"Host: localhost\r\n"


def run(raw, mode, **kw):
    return run_request(raw, app_dir=FIXTURES, app_spec="dispatch:app", mode=mode, **kw)


def line(size):
    return b"GET /" + b"a" * (size - len(b"GET / HTTP/1.1")) + b" HTTP/1.1\r\n" + H + b"\r\n"


class LimitTest(unittest.TestCase):
    def test_gunicorn_request_line_limit_is_4094_checked_per_read(self):
        self.assertEqual(run(line(4094), "gunicorn")["status"], "200 OK")
        for size, told in ((4095, 4095), (8190, 8190), (8191, 8192), (9000, 8192)):
            result = run(line(size), "gunicorn")
            self.assertEqual(result["status"], "400 Bad Request")
            self.assertIn(b"Request Line is too large (%d &gt; 4094)" % told, result["body"])

    def test_limits_are_attributes_of_each_mode(self):
        gunicorn = CLASSES["gunicorn"]
        self.assertEqual((gunicorn.limit_request_line, gunicorn.limit_request_fields,
                          gunicorn.limit_request_field_size), (4094, 100, 8190))
        self.assertEqual(CLASSES["waitress"].max_request_header_size, 262144)
        self.assertEqual(CLASSES["wsgiref"].max_line, 65536)
        self.assertEqual((CLASSES["reference"].max_request_line, CLASSES["reference"].max_header_fields),
                         (8190, 100))


class StopsSendingTest(unittest.TestCase):
    def test_an_unfinished_header_section_is_waited_for_by_every_mode(self):
        for mode in MODES:
            result = run(b"GET / HTTP/1.1\r\n" + H, mode)
            self.assertEqual((result["response"], result["error"]["kind"]), (b"", "timeout"), mode)
            self.assertIn("header section", result["error"]["message"])

    def test_after_a_half_close_each_server_does_its_own_thing(self):
        raw = b"GET / HTTP/1.1\r\n" + H
        found = {mode: run(raw, mode, half_close=True) for mode in MODES}
        self.assertEqual(found["wsgiref"]["status"], "200 OK")  # parse_headers stops at end-of-file
        self.assertEqual(found["reference"]["status"], "400 Bad Request")
        for mode in ("gunicorn", "waitress"):
            self.assertEqual((found[mode]["response"], found[mode]["error"]["kind"]), (b"", "bad_request"))

    def test_unsized_read_waits_on_wsgiref_unless_the_client_half_closes(self):
        raw = b"POST /readall HTTP/1.1\r\n" + H + b"Content-Length: 2\r\n\r\nhi"
        self.assertEqual(run(raw, "wsgiref")["error"]["kind"], "timeout")
        answered = run(raw, "wsgiref", half_close=True)
        self.assertEqual(answered["status"], "200 OK")
        self.assertIn(b"body=b'hi'", answered["body"])

    def test_gunicorn_waits_for_a_chunked_trailer_section_until_the_half_close(self):
        raw = b"POST /c HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n"
        self.assertEqual(run(raw, "gunicorn")["error"]["kind"], "timeout")
        self.assertIn(b"body=b'hi'", run(raw, "gunicorn", half_close=True)["body"])
        self.assertEqual(run(raw, "waitress")["error"]["kind"], "timeout")
        self.assertEqual(run(raw, "waitress", half_close=True)["response"], b"")


class PipelineTest(unittest.TestCase):
    RAW = (b"GET /one HTTP/1.1\r\n" + H + b"\r\n" + b"GET /two?x=1 HTTP/1.1\r\n" + H + b"\r\n")

    def test_waitress_answers_each_pipelined_request(self):
        result = run(self.RAW, "waitress")
        first, second = result["exchanges"]
        self.assertEqual((first["status"], second["status"]), ("200 OK", "200 OK"))
        self.assertEqual(second["request"], [first["request"][1], len(self.RAW)])
        self.assertEqual(second["environ"]["QUERY_STRING"], "x=1")
        self.assertEqual(result["response"].count(b"HTTP/1.1 200 OK"), 2)
        self.assertEqual(second["response"][1], len(result["response"]))
        self.assertEqual((result["status"], result["environ"]["PATH_INFO"]), ("200 OK", "/one"))
        self.assertTrue(result["keep_alive"])
        self.assertFalse(run(self.RAW, "waitress", half_close=True)["keep_alive"])

    def test_servers_that_close_answer_only_the_first(self):
        for mode in ("reference", "wsgiref", "gunicorn"):
            result = run(self.RAW, mode)
            self.assertEqual(len(result["exchanges"]), 1, mode)
            self.assertEqual(result["response"].count(b" 200 OK\r\n"), 1, mode)

    def test_a_partial_second_request_leaves_waitress_waiting_on_a_live_connection(self):
        result = run(self.RAW[:-10], "waitress")
        self.assertEqual((result["error"], result["outcome"], result["keep_alive"]), (None, "complete", True))
        self.assertEqual(result["exchanges"][1]["error"]["kind"], "timeout")


class WaitressCrashTest(unittest.TestCase):
    def test_a_valueerror_in_waitress_parser_is_waitress_closing_the_connection(self):
        result = run(b"PUT s://]ufd/: HTTP/1.1\r\n" + H + b"\r\n", "waitress")
        self.assertEqual((result["response"], result["error"]["kind"]), (b"", "bad_request"))
        self.assertIn("Invalid IPv6 URL", result["error"]["message"])
        self.assertIn("uncaptured python exception, closing channel", result["log"])


if __name__ == "__main__":
    unittest.main()
