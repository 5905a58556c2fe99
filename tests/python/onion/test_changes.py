"""What each layer changed: environ, status and headers, body, close(), exceptions; and that tracing
only observes (the same bytes with tracing off, in every server mode)."""
import re
import sys
import unittest

from helpers import MODES, run, steps, summaries

CASES = [("one_function:app", "/", ""), ("factory_and_class:app", "/?name=Ada", "X-Secret: 1\r\n"),
         ("router:app", "/hello", ""), ("router:app", "/nope", ""), ("auth:app", "/", ""),
         ("auth:app", "/", "Authorization: Bearer s3cret\r\n"), ("streamed:app", "/", ""),
         ("four_layers:app", "/?Ada", ""), ("errors:caught", "/", ""),
         ("errors:let_through", "/", ""), ("twice:app", "/", ""), ("no_close:app", "/", ""),
         ("late_change:app", "/", "")]


def _undated(data):
    return re.sub(rb"Date: [^\r]*", b"Date: -", data)


class ChangesTest(unittest.TestCase):
    def test_environ_added_removed_changed(self):
        outer = summaries(run("factory_and_class:app", "/?name=Ada", "X-Secret: 1\r\n"))[0]
        self.assertEqual(outer["environ"], {"added": {"greet.name": "'Ada'"},
                                            "removed": ["HTTP_X_SECRET"],
                                            "changed": {"PATH_INFO": ["'/'", "'/hello'"]}})
        query = summaries(run("four_layers:app", "/?Ada"))[1]
        self.assertEqual(query["environ"]["added"], {"query": "'Ada'"})

    def test_header_added_through_start_response(self):
        middle = summaries(run("factory_and_class:app", "/?name=Ada"))[1]["start_response"]
        self.assertTrue(middle["wrapped"])
        self.assertEqual(middle["received"][0]["headers"],
                         [["Content-Type", "text/plain"], ["Content-Length", "10"]])
        self.assertEqual(middle["passed"][0]["headers"][-1], ["X-Layer", "add_header"])
        self.assertEqual(middle["headers"], {"added": [["X-Layer", "add_header"]], "removed": []})

    def test_body_rewritten_and_header_removed(self):
        rewrite = summaries(run("four_layers:app", "/?Ada"))[2]
        self.assertEqual(rewrite["start_response"]["headers"],
                         {"added": [], "removed": [["Content-Length", "14"]]})
        body = rewrite["body"]
        self.assertEqual((body["returned"], body["same_as_inner"], body["changed"]),
                         ("Rewritten", False, True))
        self.assertEqual([c["preview"] for c in body["in"]], ["Hello, ", "Ada!\n"])
        self.assertEqual([c["preview"] for c in body["out"]], ["Hello, ", "Grace!\n"])
        self.assertEqual(rewrite["close"], {"has_close": True, "inner_has_close": True,
                                            "passed": True, "called": False})

    def test_close_not_passed_through(self):
        outer, inner = summaries(run("no_close:app"))
        self.assertEqual(outer["close"], {"has_close": True, "inner_has_close": True,
                                          "passed": False, "called": True})
        self.assertEqual(outer["body"]["changed"], True)
        self.assertFalse(inner["close"]["called"])

    def test_pass_through_layers_keep_the_inner_body(self):
        outer = summaries(run("four_layers:app", "/?Ada"))[0]["body"]
        self.assertEqual((outer["same_as_inner"], outer["changed"]), (True, False))

    def test_exception_caught_or_let_through(self):
        catcher, broken = summaries(run("errors:caught"))
        self.assertEqual(catcher["exception"],
                         {"let_through": False, "caught": {"type": "KeyError", "message": "'pears'"}})
        self.assertEqual(broken["exception"], {"let_through": True, "caught": None})
        self.assertEqual(catcher["start_response"]["passed"][0]["exc_info"], "KeyError: 'pears'")
        passing, broken = summaries(run("errors:let_through"))
        self.assertEqual(passing["exception"], {"let_through": True, "caught": None})

    def test_times_of_before_and_after_halves(self):
        timing = summaries(run("streamed:app"))[0]["times"]
        for key in ("before_ms", "inner_ms", "after_ms", "streamed_ms"):
            self.assertGreaterEqual(timing[key], 0, key)
        self.assertGreater(timing["streamed_ms"], 2 * (timing["before_ms"] + timing["after_ms"]))

    def test_tracing_only_observes(self):
        for mode in MODES:
            for spec, target, headers in CASES:
                on = run(spec, target, headers, mode=mode)
                off = run(spec, target, headers, mode=mode, trace=False)
                self.assertEqual(_undated(on["response"]), _undated(off["response"]), (mode, spec))
                self.assertEqual(off["events"], [])
                self.assertNotIn("recorder_error", str(on["events"]), (mode, spec))

    def test_the_same_onion_under_every_server(self):
        # What the layers did depends on the code, not on which real server runs it.
        for spec, target, headers in CASES:
            expected = steps(run(spec, target, headers))
            for mode in MODES[1:]:
                self.assertEqual(steps(run(spec, target, headers, mode=mode)), expected, (mode, spec))

    def test_one_item_list_keeps_its_content_length(self):
        result = run("one_function:app")
        self.assertIn(["Content-Length", "10"], [list(h) for h in result["headers"]])

    def test_a_profiler_already_running_is_left_alone(self):
        calls = []
        mine = lambda *a: calls.append(a[1])  # noqa: E731
        sys.setprofile(mine)
        try:
            result = run("one_function:app")
            self.assertIs(sys.getprofile(), mine)
        finally:
            sys.setprofile(None)
        self.assertEqual([e for e in result["events"] if "layer" in e], [])
        self.assertIn("call", calls)

if __name__ == "__main__":
    unittest.main()


class InnerEnvironTest(unittest.TestCase):
    def test_changes_an_outer_layer_makes_later_are_not_the_inner_ones(self):
        outer, inner = summaries(run("late_change:app"))
        self.assertEqual(inner["environ"], {"added": {"inner.seen": "True"}, "removed": [],
                                            "changed": {}})
        self.assertEqual(outer["environ"], {"added": {}, "removed": [], "changed": {}})
