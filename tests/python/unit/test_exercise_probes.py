"""exercise_probes.py: the checks that call the reader's code itself, each shown telling a right
answer from the mistake it is there to catch (tiny fixture files written per test)."""
import os
import tempfile
import textwrap
import unittest

import helpers  # noqa: F401  (puts the runtime's Python on sys.path)
from exercise_probes import run_probe

LOOP_HEAD = '''
import io

def environ_for(path):
    return {"REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": "",
            "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": io.StringIO(), "wsgi.multithread": False, "wsgi.multiprocess": False,
            "wsgi.run_once": True}
'''
GOOD_LOOP = LOOP_HEAD + '''
def call_like_a_server(app, path):
    response, written = {}, []
    def start_response(status, headers, exc_info=None):
        response["status"], response["headers"] = status, headers
        return written.append
    result = app(environ_for(path), start_response)
    try:
        body = b"".join(written) + b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return response["status"], response["headers"], body
'''
EARLY_STATUS_NO_CLOSE = LOOP_HEAD + '''
def call_like_a_server(app, path):
    response = {}
    def start_response(status, headers, exc_info=None):
        response["status"], response["headers"] = status, headers
        return lambda data: None
    result = app(environ_for(path), start_response)
    status = response["status"]
    return status, response["headers"], b"".join(result)
'''


class ProbeTest(unittest.TestCase):
    def file(self, source):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "app.py")
        with open(path, "w") as f:
            f.write(textwrap.dedent(source))
        return path

    def probe(self, source, probe, path="/", method="GET"):
        return run_probe(self.file(source), probe, {"method": method, "path": path})

    def test_a_right_server_loop_handles_every_probe_app(self):
        for app in ("list", "generator", "closing", "failing", "writer"):
            with self.subTest(app=app):
                self.assertEqual(self.probe(GOOD_LOOP, {"kind": "server_loop", "app": app}, "/x")["problems"], [])
        self.assertEqual(self.probe(GOOD_LOOP, {"kind": "server_loop", "app": "generator"}, "/x")["body"], "made /x\n")

    def test_a_loop_that_reads_the_status_too_early_or_never_closes_is_caught(self):
        early = self.probe(EARLY_STATUS_NO_CLOSE, {"kind": "server_loop", "app": "generator"})
        self.assertIsNone(early["status"])
        self.assertIn("KeyError: 'status'", early["note"])
        unclosed = self.probe(EARLY_STATUS_NO_CLOSE, {"kind": "server_loop", "app": "closing"})
        self.assertEqual(unclosed["body"], "one two\n")
        self.assertIn("close() was called 0 times", unclosed["problems"][0])

    def test_first_chunk_tells_streaming_from_buffering(self):
        app = '''
        def inner(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain")])
            return iter([b"a\\n", b"b\\n", b"c\\n"])
        def buffered(environ, start_response):
            return [b"".join(inner(environ, start_response))]
        app = {}
        '''
        self.assertEqual(self.probe(app.replace("app = {}", "app = inner"), {"kind": "first_chunk"})["body"], "a\n")
        self.assertEqual(self.probe(app.replace("app = {}", "app = buffered"), {"kind": "first_chunk"})["body"], "a\nb\nc\n")

    def test_after_disconnect_sees_what_close_released(self):
        app = '''
        held = 0
        def app(environ, start_response):
            global held
            start_response("200 OK", [("Content-Type", "text/plain")])
            if environ["PATH_INFO"] == "/held":
                return [str(held).encode()]
            def rows():
                global held
                held += 1
                try:
                    yield b"1\\n"
                    yield b"2\\n"
                finally:
                    held -= FREE
            return rows()
        '''
        probe = {"kind": "after_disconnect", "first": "/rows"}
        self.assertEqual(self.probe(app.replace("FREE", "1"), probe, "/held")["body"], "0")
        self.assertEqual(self.probe(app.replace("FREE", "0"), probe, "/held")["body"], "1")

    def test_log_answers_what_the_app_wrote_to_wsgi_errors(self):
        app = '''
        def app(environ, start_response):
            environ["wsgi.errors"].write("seen " + environ["PATH_INFO"] + "\\n")
            start_response("204 No Content", [])
            return []
        '''
        answer = self.probe(app, {"kind": "log"}, "/x")
        self.assertEqual((answer["status"], answer["body"]), ("204 No Content", "seen /x\n"))

    def test_pool_serves_copies_on_workers_and_names_the_first_failure(self):
        app = '''
        import time
        def app(environ, start_response):
            time.sleep(0.1)
            if environ["PATH_INFO"] == "/boom":
                raise RuntimeError("boom")
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok\\n"]
        '''
        ok = self.probe(app, {"kind": "pool", "requests": 6, "workers": 2})
        self.assertEqual((ok["status"], ok["body"], ok["problems"]), ("200 OK", "ok\n", []))
        boom = self.probe(app, {"kind": "pool", "requests": 6, "workers": 2}, "/boom")
        self.assertTrue(boom["problems"] and boom["problems"][0].startswith("request 1 of 6 on 2 workers"), boom["problems"])

    def test_pool_names_a_request_whose_answer_differs(self):
        app = '''
        served = 0
        def app(environ, start_response):
            global served
            served += 1  # module state: per worker, as in separate processes
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [f"{served}\\n".encode()]
        '''
        answer = self.probe(app, {"kind": "pool", "requests": 4, "workers": 2})
        self.assertEqual(answer["body"], "2\n")  # the first answer that differs from the first request's "1"

    def test_a_file_that_cannot_load_is_said_so(self):
        answer = self.probe("def app(:\n", {"kind": "first_chunk"})
        self.assertIn("could not be loaded: SyntaxError", answer["note"])


if __name__ == "__main__":
    unittest.main()
