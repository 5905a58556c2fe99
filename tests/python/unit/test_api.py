import os
import unittest

from helpers import FIXTURES, MODES, get
from wsgisim.api import run_request
from wsgisim.wire import read_response

sys_path_before = None
KEYS = {"response", "outcome", "keep_alive", "status", "headers", "body", "events", "violations",
        "error", "log", "stdout", "stderr", "environ", "mode", "exchanges"}


def run(raw, spec="dispatch:app", folder="", **kw):
    return run_request(raw, app_dir=os.path.join(FIXTURES, folder), app_spec=spec, **kw)


def strip_date(data):
    return b"\r\n".join(line for line in data.split(b"\r\n") if not line.startswith(b"Date: "))


class ApiTest(unittest.TestCase):
    def test_result_shape_matches_the_contract(self):
        result = run(get("/x"))
        self.assertEqual(set(result), KEYS)
        self.assertEqual(result["status"], "200 OK")
        self.assertEqual(result["mode"]["name"], "reference")
        self.assertEqual(result["environ"]["PATH_INFO"], "/x")
        types = [e["type"] for e in result["events"]]
        for needed in ("request_parsed", "environ_built", "app_called", "start_response",
                       "body_chunk", "response_bytes", "done"):
            self.assertIn(needed, types)
        self.assertEqual(sorted(e["t"] for e in result["events"]), [e["t"] for e in result["events"]])

    def test_environ_sources_point_at_the_request_bytes(self):
        raw = get("/p?q=1", extra="X-Thing: v\r\n")
        result = run(raw)
        sources = next(e for e in result["events"] if e["type"] == "environ_built")["sources"]
        start, end = sources["HTTP_X_THING"]
        self.assertEqual(raw[start:end], b"X-Thing: v")
        start, end = sources["REQUEST_METHOD"]
        self.assertEqual(raw[start:end], b"GET")

    def test_tracing_never_changes_the_bytes(self):
        from misbehaving import APPS
        for mode in MODES:
            for name in APPS:
                raw = get("/bad/" + name)
                on = run(raw, mode=mode, trace=True)
                off = run(raw, mode=mode, trace=False)
                self.assertEqual(strip_date(on["response"]), strip_date(off["response"]), (mode, name))
                self.assertEqual(off["events"], [])

    def test_close_is_called_exactly_once(self):
        for mode in MODES:
            for name in ("ok", "fails_first", "fails_later"):
                result = run(get("/"), spec="closing:" + name, mode=mode)
                self.assertEqual(result["log"].count("close() called"), 1, (mode, name))

    def test_multi_file_app_output_and_live_stream(self):
        seen = []
        result = run(get("/hi?Ada"), spec="app:app", folder="multi", on_output=lambda s, t: seen.append(s))
        self.assertEqual(result["body"], b"Hello, Ada!")
        self.assertEqual(result["stdout"], "handling /hi\n")
        self.assertEqual(result["stderr"], "to stderr\n")
        self.assertIn("logged by the app", result["log"])
        self.assertIn("stdout", seen)
        self.assertIn("stderr", seen)

    def test_app_load_error(self):
        result = run(get("/"), spec="app:nope", folder="multi")
        self.assertEqual(result["error"]["kind"], "app_load")
        self.assertEqual(result["error"]["message"], "Failed to find attribute 'nope' in 'app'.")
        self.assertEqual((result["response"], result["outcome"]), (b"", "cut"))

    def test_app_exception_points_at_the_readers_line(self):
        result = run(get("/bad/raise_before_start"), mode="gunicorn")
        error = result["error"]
        self.assertEqual(error["kind"], "app_exception")
        self.assertEqual(error["file"], "misbehaving.py")
        self.assertIn("RuntimeError: boom before start_response", error["traceback"])
        self.assertTrue(result["status"].startswith("500"))

    def test_event_types_are_the_documented_ones(self):
        from misbehaving import APPS
        documented = {"request_parsed", "environ_built", "app_called", "start_response", "write",
                      "input_read", "input_stalled", "errors_write", "app_returned", "body_chunk",
                      "close", "violation", "exception", "error_response", "bad_request",
                      "app_load_failed", "response_bytes", "done", "request_incomplete",
                      "next_request",
                      # middleware layers (the onion; events carrying a "layer" key, see the README)
                      "layer_enter", "layer_call_inward", "layer_start_response", "layer_return",
                      "layer_body", "layer_close", "layer_summary"}
        seen = set()
        for mode in MODES:
            for name in APPS:
                for event in run(get("/bad/" + name), mode=mode)["events"]:
                    self.assertIn(event["type"], documented, (mode, name, event))
                    seen.add(event["type"])
        self.assertLessEqual({"exception", "violation", "write", "close", "error_response"}, seen)

    def test_exception_event_and_readers_traceback(self):
        result = run(get("/bad/raise_mid_iteration"), mode="waitress")
        event = next(e for e in result["events"] if e["type"] == "exception")
        self.assertEqual((event["exc_type"], event["file"]), ("ValueError", "misbehaving.py"))
        self.assertNotIn("wsgisim", result["error"]["traceback"])
        self.assertIn("wsgisim", result["log"])  # the server's own log keeps its frames

    def test_unknown_mode(self):
        with self.assertRaises(ValueError):
            run(get("/"), mode="nginx")


class OutcomeTest(unittest.TestCase):
    def test_cut_after_headers_and_complete_otherwise(self):
        for mode in MODES:
            cut = run(get("/bad/raise_mid_iteration"), mode=mode)
            self.assertEqual(cut["outcome"], "cut", mode)
            self.assertEqual(cut["body"], b"partial ", mode)
            self.assertEqual(run(get("/"), mode=mode)["outcome"], "complete", mode)

    def test_waitress_keeps_alive_only_with_a_length(self):
        self.assertTrue(run(get("/"), mode="waitress")["keep_alive"])
        self.assertFalse(run(get("/stream/x"), mode="waitress")["keep_alive"])
        self.assertFalse(run(get("/"), mode="gunicorn")["keep_alive"])

    def test_short_body_under_content_length(self):
        for mode in MODES:
            result = run(get("/bad/cl_larger"), mode=mode)
            self.assertEqual((result["body"], result["outcome"]), (b"hello", "cut"), mode)
            self.assertIn("content_length_short", [v["rule"] for v in result["violations"]])


    def test_head_with_the_length_of_a_get_and_no_body_is_right(self):
        # Measured on wsgiref, gunicorn 20.1 and waitress 2.1.2: each answers it as it is, no
        # warning; a client reads a HEAD answer as whole after its header section.
        raw = b"HEAD /bad/cl_empty_body HTTP/1.1\r\nHost: localhost\r\n\r\n"
        for mode in MODES:
            result = run(raw, mode=mode)
            self.assertEqual((result["status"], result["outcome"], result["violations"]),
                             ("200 OK", "complete", []), mode)
            self.assertIn(["Content-Length", "24"], result["headers"], mode)
            got = run(get("/bad/cl_empty_body"), mode=mode)  # the same answer to GET is short
            self.assertEqual(got["outcome"], "cut", mode)
            self.assertIn("content_length_short", [v["rule"] for v in got["violations"]], mode)

    def test_gunicorn_counts_a_file_sent_the_sendfile_way(self):
        # Measured on gunicorn 20.1 (sync worker): a real file through wsgi.file_wrapper under
        # Content-Length 18 (its size) arrives whole; under 5 the first 5 bytes; under 30 the 18
        # bytes, then the connection closes. The simulator must judge the file's length as it judges
        # an iterable's: 18 is right, 5 is long, 30 is short.
        import tempfile
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "f.txt"), "wb") as f:
                f.write(b"hello from a file\n")
            with open(os.path.join(folder, "sendfile_app.py"), "w") as f:
                f.write("import os\n"
                        "def app(environ, start_response):\n"
                        "    length = environ['PATH_INFO'][1:]\n"
                        "    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', length)])\n"
                        "    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'f.txt')\n"
                        "    return environ['wsgi.file_wrapper'](open(path, 'rb'), 8)\n")
            got = {length: run_request(get("/%d" % length), app_dir=folder, app_spec="sendfile_app:app",
                                       mode="gunicorn") for length in (18, 5, 30)}
        self.assertEqual((got[18]["body"], got[18]["outcome"], got[18]["violations"]),
                         (b"hello from a file\n", "complete", []))
        self.assertEqual(got[5]["body"], b"hello")
        self.assertEqual([v["rule"] for v in got[5]["violations"]], ["content_length_long"])
        self.assertEqual((got[30]["body"], got[30]["outcome"]), (b"hello from a file\n", "cut"))
        self.assertEqual([v["rule"] for v in got[30]["violations"]], ["content_length_short"])


class ReferenceModeTest(unittest.TestCase):
    def test_rejected_by_some_server_means_500(self):
        for name in ("status_no_reason", "headers_tuple", "hop_by_hop", "str_body", "crlf_in_header",
                     "non_latin1_header", "no_start_response", "header_value_int", "bad_header_name",
                     "cl_not_a_number", "bytearray_body"):
            result = run(get("/bad/" + name))
            self.assertEqual(result["status"], "500 Internal Server Error", name)
            self.assertTrue(result["violations"], name)

    def test_let_through_violations_are_still_recorded(self):
        result = run(get("/bad/cl_smaller"))
        self.assertEqual(result["body"], b"hel")
        self.assertEqual([v["rule"] for v in result["violations"]], ["content_length_long"])
        for mode in ("wsgiref", "gunicorn", "waitress"):
            self.assertIn("headers_not_list", [v["rule"] for v in run(get("/bad/headers_tuple"), mode=mode)["violations"]])

    def test_framing_choices(self):
        one = run(get("/bad/no_cl_one_item"))
        self.assertIn(["Content-Length", "5"], one["headers"])
        gen10 = run(get("/bad/no_cl_generator", "HTTP/1.0"))
        self.assertTrue(gen10["response"].startswith(b"HTTP/1.0 200 OK"))
        self.assertNotIn("Transfer-Encoding", [n for n, _ in gen10["headers"]])
        gen11 = run(get("/bad/no_cl_generator"))
        self.assertIn(["Transfer-Encoding", "chunked"], gen11["headers"])
        self.assertIn(["Connection", "close"], gen11["headers"])

    def test_expect_continue_when_the_body_is_read(self):
        raw = b"POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi"
        result = run(raw)
        self.assertTrue(result["response"].startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"))
        self.assertEqual(read_response(result["response"])[0], "200 OK")

    def test_bad_requests_get_a_plain_reason(self):
        result = run(b"GET / HTTP/1.1\r\nBad Header: x\r\n\r\n")
        self.assertEqual(result["status"], "400 Bad Request")
        self.assertIn(b"not a valid token", result["body"])
        self.assertEqual(result["error"]["kind"], "bad_request")



class LoadedAppTest(unittest.TestCase):
    def test_an_already_loaded_app_keeps_its_state(self):
        from helpers import FIXTURES as base
        folder = os.path.join(base, "state")
        import importlib.util
        spec = importlib.util.spec_from_file_location("state_app_copy", os.path.join(folder, "app.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        bodies = [run_request(get("/"), app_dir=folder, app=module.app)["body"] for _ in range(2)]
        self.assertEqual(bodies, [b"count=1", b"count=2"])



class StallTest(unittest.TestCase):
    def test_reading_bytes_the_client_never_sent(self):
        short = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab"
        gunicorn = run(short, mode="gunicorn")
        self.assertEqual((gunicorn["error"]["kind"], gunicorn["response"]), ("timeout", b""))
        self.assertIn("WORKER TIMEOUT", gunicorn["error"]["message"])
        self.assertEqual(run(short, mode="waitress")["response"], b"")  # waits before calling the app
        self.assertEqual(run(short)["error"]["kind"], "timeout")  # the reference waits too
        self.assertEqual(run(short, half_close=True)["status"], "400 Bad Request")
        whole = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab"
        self.assertEqual(run(whole, spec="closing:ok", mode="wsgiref")["status"], "200 OK")

    def test_wsgiref_read_without_a_size_blocks(self):
        raw = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
        result = run(raw, mode="wsgiref")  # the dump reads CONTENT_LENGTH ('') bytes: fine
        self.assertEqual(result["status"], "200 OK")
        from wsgisim.streams import ClientStalled, InputStream
        from wsgisim.trace import Trace
        stream = InputStream(b"ab", Trace(), missing=-1)
        self.assertEqual(stream.read(2), b"ab")
        with self.assertRaises(ClientStalled):
            stream.read()


if __name__ == "__main__":
    unittest.main()
