"""exercise_checks.py: how a check judges an answer (the one place: the page's worker, the Pyodide
content test and the CPython CI all call it), and run_checks end to end on the server core."""
import os
import tempfile
import unittest

import helpers  # noqa: F401  (puts the runtime's Python on sys.path)
from exercise_checks import answer, answer_from_core, answer_from_loop, evaluate, loop_failures, run_checks

OK = answer("200 OK", [["Content-Type", "text/plain; charset=utf-8"]], "Hello, Ada!\n")


def fail(what, expected, actual):
    return {"what": what, "expected": expected, "actual": actual}


class EvaluateTest(unittest.TestCase):
    def test_passes_an_answer_that_meets_every_expectation(self):
        expect = {"status": 200, "headers": {"content-type": "text/plain; charset=utf-8"}, "body_equals": "Hello, Ada!\n",
                  "body_contains": "Ada", "body_matches": "^Hello", "no_violations": True}
        self.assertEqual(evaluate(expect, OK), [])

    def test_reports_expected_against_actual_for_each_miss(self):
        self.assertEqual(evaluate({"status": 404, "headers": {"Allow": "GET"}, "body_equals": "x"}, OK), [
            fail("status", "404", "200 OK"),
            fail("header Allow", "GET", "(missing)"),
            fail("body", '"x"', '"Hello, Ada!\\n"'),
        ])

    def test_shows_text_as_the_page_does(self):
        # JavaScript's JSON.stringify: non-ASCII kept, control characters escaped.
        self.assertEqual(evaluate({"body_equals": "café"}, answer("200 OK", [], "caf\u00c3\u00a9\t"))[0]["actual"],
                         '"caf\u00c3\u00a9\\t"')

    def test_fails_no_violations_on_a_broken_rule_or_an_error_and_says_why_nothing_came_back(self):
        ans = answer_from_core({"status": None, "headers": [], "body": b"",
                                "violations": [{"rule": "x", "pep": "Unicode Issues", "message": "body is str"}],
                                "error": {"kind": "app_exception", "message": "ValueError: boom"}})
        failures = evaluate({"status": 200, "no_violations": True}, ans)
        self.assertEqual(failures[0], fail("status", "200", "no response (the app raised an exception: ValueError: boom)"))
        self.assertIn("PEP 3333, Unicode Issues: body is str", failures[1]["actual"])

    def test_bounds_a_workload_by_its_duration_written_as_javascript_writes_numbers(self):
        self.assertEqual(evaluate({"max_seconds": 1}, OK, 3.0), [fail("time for all requests", "at most 1 s", "3 s")])
        self.assertEqual(evaluate({"max_seconds": 1}, OK, 0.3), [])
        self.assertEqual(evaluate({"max_seconds": 0.5}, OK, 1.25)[0]["actual"], "1.25 s")


def record(**over):
    base = {"status": "200 OK", "headers": [], "body_preview": "The service said 42\n", "body_bytes": 20,
            "outcome": "complete", "violations": [], "error": None}
    return {**base, **over}


CHECK = {"name": "ten at once", "request": {"method": "GET", "path": "/"}, "workload": {"concurrent_requests": 2},
         "expect": {"status": 200, "max_seconds": 1}}


class LoopTest(unittest.TestCase):
    def test_passes_when_every_request_passes_within_the_time(self):
        self.assertEqual(loop_failures(CHECK, {"requests": [record(), record()], "metrics": {"duration": 0.3}, "error": None}), [])

    def test_fails_on_one_bad_request_or_on_the_total_time(self):
        failures = loop_failures(CHECK, {"requests": [record(), record(status="500 Internal Server Error")],
                                         "metrics": {"duration": 3}, "error": None})
        self.assertEqual([f["what"] for f in failures], ["status", "time for all requests"])

    def test_reports_an_app_that_cannot_load(self):
        failures = loop_failures(CHECK, {"requests": [], "metrics": None, "error": {"message": "SyntaxError: invalid syntax"}})
        self.assertIn("SyntaxError", failures[0]["actual"])

    def test_keeps_a_cut_response_as_a_problem(self):
        self.assertEqual(answer_from_loop(record(outcome="cut"))["problems"], ["the response was cut off"])

    def test_times_the_first_non_empty_body_message_from_the_requests_arrival(self):
        def events(t):
            return [{"t": 0.5, "dir": "send", "type": "http.response.start", "status": 200},
                    {"t": 0.5, "dir": "send", "type": "http.response.body", "bytes": 0, "more_body": True},
                    {"t": t, "dir": "send", "type": "http.response.body", "bytes": 5, "more_body": False}]
        streamed = answer_from_loop(record(at=0.5, events=events(0.5)))
        buffered = answer_from_loop(record(at=0.5, events=events(2.0)))
        self.assertEqual(streamed["firstBodyAt"], 0)
        self.assertEqual(evaluate({"first_body_within": 0.1}, streamed), [])
        self.assertEqual(evaluate({"first_body_within": 0.1}, buffered),
                         [fail("first body bytes", "within 0.1 s of the request", "after 1.5 s")])
        self.assertEqual(evaluate({"first_body_within": 0.1}, answer_from_loop(record()))[0]["actual"], "no body was sent")


APP = '''def app(environ, start_response):
    if environ["PATH_INFO"] != "/":
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not found\\n"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [("Hi " + environ.get("HTTP_X_NAME", "you") + "\\n").encode()]
'''


class RunChecksTest(unittest.TestCase):
    def test_serves_each_check_through_the_core_and_judges_it(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "app.py"), "w") as f:
                f.write(APP)
            checks = [
                {"name": "home", "request": {"method": "GET", "path": "/", "headers": {"X-Name": "Ada"}},
                 "expect": {"status": 200, "body_equals": "Hi Ada\n", "no_violations": True}},
                {"name": "404 under gunicorn", "server": "gunicorn", "request": {"method": "GET", "path": "/x"},
                 "expect": {"status": 404}},
                {"name": "wrong on purpose", "request": {"method": "POST", "path": "/", "body": "hello"},
                 "expect": {"body_contains": "Grace"}},
            ]
            outcomes = run_checks("wsgi", checks, folder)
        self.assertEqual([o["name"] for o in outcomes], ["home", "404 under gunicorn", "wrong on purpose"])
        self.assertEqual(outcomes[0]["failures"], [])
        self.assertEqual(outcomes[1]["failures"], [])
        self.assertEqual(outcomes[2]["failures"], [fail("body contains", '"Grace"', '"Hi you\\n"')])


if __name__ == "__main__":
    unittest.main()
