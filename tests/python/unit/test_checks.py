import unittest

from helpers import get  # noqa: F401
from wsgisim.checks import Checker
from wsgisim.trace import Trace
from wsgisim.violations import RULES, describe


def rules(call):
    checker = Checker(Trace())
    call(checker)
    return [v["rule"] for v in checker.found]


class CheckerTest(unittest.TestCase):
    def test_a_correct_response_has_no_violations(self):
        def good(c):
            c.start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")], None, False)
            c.result([b"ok"])
            c.item(b"ok")
            c.lengths("200 OK", [("Content-Length", "2")], 2)
        self.assertEqual(rules(good), [])

    def test_each_rule_is_detected(self):
        cases = {
            "status_not_str": lambda c: c.status(200),
            "status_format": lambda c: c.status("200"),
            "status_control": lambda c: c.status("200 OK\r\nX: y"),
            "headers_not_list": lambda c: c.headers((("A", "b"),)),
            "header_not_tuple": lambda c: c.headers([["A", "b"]]),
            "header_name_not_str": lambda c: c.header(b"A", "b"),
            "header_value_not_str": lambda c: c.header("Content-Length", 2),
            "header_name_invalid": lambda c: c.header("Bad Name", "v"),
            "header_value_control": lambda c: c.header("X", "a\r\nB: c"),
            "header_value_not_latin1": lambda c: c.header("X", "\u20ac"),
            "hop_by_hop": lambda c: c.header("Connection", "close"),
            "header_status": lambda c: c.header("Status", "200 OK"),
            "content_length_invalid": lambda c: c.header("Content-Length", "five"),
            "start_response_twice": lambda c: c.start_response("200 OK", [], None, True),
            "app_returned_not_iterable": lambda c: c.result(None),
            "app_returned_str": lambda c: c.result("hello"),
            "body_item_not_bytes": lambda c: c.item("x"),
            "write_not_bytes": lambda c: c.item("x", from_write=True),
            "content_length_short": lambda c: c.lengths("200 OK", [("Content-Length", "9")], 2),
            "content_length_long": lambda c: c.lengths("200 OK", [("Content-Length", "1")], 2),
            "body_not_allowed": lambda c: c.lengths("204 No Content", [], 3),
        }
        for rule, call in cases.items():
            self.assertIn(rule, rules(call), rule)

    def test_head_has_no_length_check(self):
        self.assertEqual(rules(lambda c: c.lengths("200 OK", [("Content-Length", "24")], 0, head=True)), [])

    def test_exc_info_allows_a_second_call(self):
        self.assertEqual(rules(lambda c: c.start_response("500 Oops", [], (1, 2, 3), True)), [])

    def test_each_violation_is_recorded_once_and_traced(self):
        trace = Trace()
        checker = Checker(trace)
        checker.item("x")
        checker.item("x")
        self.assertEqual(len(checker.found), 1)
        self.assertEqual([e["type"] for e in trace.events], ["violation"])


class ViolationsTest(unittest.TestCase):
    def test_every_rule_has_a_section_message_and_fix(self):
        for rule, (section, message, fix) in RULES.items():
            self.assertTrue(section and message and fix, rule)
        item = describe("hop_by_hop", name="Connection")
        self.assertEqual(set(item), {"rule", "pep", "message", "fix"})
        self.assertIn("'Connection'", item["message"])
        self.assertEqual(item["pep"], "Other HTTP Features")


if __name__ == "__main__":
    unittest.main()
