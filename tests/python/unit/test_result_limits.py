"""worker_support/result_limits.py: what of a result crosses to the page when an app sends huge header lists."""
import unittest

import helpers  # noqa: F401  (puts the runtime's Python on sys.path)
from worker_support.result_limits import trim_result


class TrimResultTest(unittest.TestCase):
    def test_cuts_header_lists_and_keeps_the_true_count(self):
        headers = [["X-%d" % i, "v"] for i in range(5000)]
        server = {"headers": list(headers), "events": [{"type": "start_response", "headers": list(headers)}, {"type": "call"},
                                                      {"type": "layer_summary", "start_response": {"headers": list(headers)}}]}
        trim_result(server, 1000)
        self.assertEqual(len(server["headers"]), 1000)
        self.assertEqual(server["headersTotal"], 5000)
        self.assertEqual(server["headers"][:3], headers[:3])
        self.assertEqual(server["events"][0]["headersTotal"], 5000)
        self.assertEqual(len(server["events"][0]["headers"]), 1000)
        self.assertNotIn("headersTotal", server["events"][1])
        self.assertEqual(len(server["events"][2]["start_response"]["headers"]), 1000)

    def test_leaves_ordinary_results_alone(self):
        server = {"headers": [["Content-Type", "text/plain"]], "events": []}
        self.assertEqual(trim_result(server), {"headers": [["Content-Type", "text/plain"]], "events": []})


if __name__ == "__main__":
    unittest.main()
