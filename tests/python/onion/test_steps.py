"""The recorded steps, names and lines of fixed stacks (1 to 4 layers) are exactly the expected ones."""
import unittest

from helpers import run, steps, summaries


class StepsTest(unittest.TestCase):
    def test_one_function(self):
        result = run("one_function:app")
        self.assertEqual(steps(result), [
            ("enter", "app"), ("start_response", "app", "200 OK", "server"), ("return", "app")])
        (only,) = summaries(result)
        self.assertEqual((only["name"], only["kind"], only["file"], only["line"]),
                         ("app", "function", "one_function.py", 4))
        self.assertEqual(only["body"]["out"], [{"size": 10, "preview": "one layer\n"}])

    def test_class_closure_function(self):
        result = run("factory_and_class:app", "/?name=Ada")
        self.assertEqual(steps(result), [
            ("enter", "NameFromQuery"), ("inward", "NameFromQuery", "add_header"),
            ("enter", "add_header"), ("inward", "add_header", "greeter"), ("enter", "greeter"),
            ("start_response", "greeter", "200 OK", "add_header"),
            ("start_response", "add_header", "200 OK", "server"),
            ("return", "greeter"), ("return", "add_header"), ("return", "NameFromQuery")])
        outer, middle, inner = summaries(result)
        self.assertEqual([(s["name"], s["kind"], s["line"]) for s in (outer, middle, inner)],
                         [("NameFromQuery", "instance", 22), ("add_header", "closure", 11),
                          ("greeter", "function", 4)])
        self.assertEqual(middle["detail"], "name='X-Layer', value='add_header'")

    def test_first_in_is_last_out(self):
        result = run("factory_and_class:app", "/?name=Ada")
        entered = [s[1] for s in steps(result) if s[0] == "enter"]
        returned = [s[1] for s in steps(result) if s[0] == "return"]
        self.assertEqual(entered, list(reversed(returned)))

    def test_router_and_the_handler_it_picks(self):
        self.assertEqual(steps(run("router:app", "/hello")), [
            ("enter", "logged"), ("inward", "logged", "router"), ("enter", "router"),
            ("inward", "router", "hello"), ("enter", "hello"),
            ("start_response", "hello", "200 OK", "server"),
            ("return", "hello"), ("return", "router"), ("return", "logged")])
        result = run("router:app", "/nope")
        self.assertEqual([s["name"] for s in summaries(result)], ["logged", "router"])
        self.assertFalse(summaries(result)[1]["short_circuit"])  # the router holds no inner app

    def test_auth_short_circuit(self):
        result = run("auth:app")
        self.assertEqual(steps(result), [
            ("enter", "require_token"),
            ("start_response", "require_token", "401 Unauthorized", "server"),
            ("return", "require_token")])
        self.assertTrue(summaries(result)[0]["short_circuit"])
        self.assertEqual(summaries(result)[0]["detail"], "token='s3cret'")
        passed = run("auth:app", headers="Authorization: Bearer s3cret\r\n")
        self.assertEqual([s["name"] for s in summaries(passed)], ["require_token", "greeter"])
        self.assertFalse(summaries(passed)[0]["short_circuit"])

    def test_streamed_body_after_the_timing_layer_returned(self):
        result = run("streamed:app")
        self.assertEqual(steps(result), [
            ("enter", "timing"), ("inward", "timing", "streaming"), ("enter", "streaming"),
            ("start_response", "streaming", "200 OK", "server"),
            ("return", "streaming"), ("return", "timing"),
            ("chunk", "streaming", "a"), ("chunk", "streaming", "b"), ("close", "streaming")])
        timing = summaries(result)[0]
        own = timing["times"]["before_ms"] + timing["times"]["inner_ms"] + timing["times"]["after_ms"]
        self.assertGreaterEqual(timing["times"]["streamed_ms"], 95)  # two 50 ms sleeps, after return
        self.assertLess(own, timing["times"]["streamed_ms"] / 2)    # (loose: a loaded machine)

    def test_four_layers_with_a_generator_app(self):
        result = run("four_layers:app", "/?Ada")
        self.assertEqual(steps(result), [
            ("enter", "CatchErrors"), ("inward", "CatchErrors", "parse_query"),
            ("enter", "parse_query"), ("inward", "parse_query", "replace_text"),
            ("enter", "replace_text"),
            ("return", "replace_text"), ("return", "parse_query"), ("return", "CatchErrors"),
            # the generator function runs only when the server reads the body through Rewritten
            ("enter", "generator_app"),
            ("start_response", "generator_app", "200 OK", "replace_text"),
            ("start_response", "replace_text", "200 OK", "server"),
            ("chunk", "generator_app", "Hello, "), ("chunk", "replace_text", "Hello, "),
            ("chunk", "generator_app", "Ada!\n"), ("chunk", "replace_text", "Grace!\n"),
            ("return", "generator_app"), ("close", "generator_app")])
        self.assertEqual(result["body"], b"Hello, Grace!\n")
        app = summaries(result)[3]
        self.assertEqual((app["name"], app["lazy"], app["parent"]), ("generator_app", True, 2))

    def test_layer_calling_inward_twice_appears_twice(self):
        result = run("twice:app")
        self.assertEqual(steps(result), [
            ("enter", "retry"), ("inward", "retry", "flaky"), ("enter", "flaky"),
            ("start_response", "flaky", "503 Service Unavailable", "retry"), ("return", "flaky"),
            ("inward", "retry", "flaky"), ("enter", "flaky"),
            ("start_response", "flaky", "200 OK", "retry"), ("return", "flaky"),
            ("start_response", "retry", "200 OK", "server"), ("return", "retry")])
        self.assertEqual(summaries(result)[0]["children"], [1, 2])

    def test_the_benchmark_stack(self):
        result = run("bench_three_layers:app", headers="Authorization: Bearer ok\r\n")
        layers = summaries(result)
        self.assertEqual([(s["name"], s["kind"]) for s in layers], [
            ("timing", "closure"), ("AddHeader", "instance"), ("auth", "closure"), ("hello", "function")])
        self.assertEqual(layers[1]["start_response"]["headers"], {"added": [["X-Layer", "yes"]], "removed": []})


if __name__ == "__main__":
    unittest.main()
