"""Workloads: normalising listed requests and generating them from controls."""
import unittest

import support  # noqa: F401
from concurrency.workload import WorkloadError, generate, normalize, raw_request


class Normalize(unittest.TestCase):
    def test_requests_are_sorted_by_arrival_keeping_listed_order(self):
        reqs = normalize({"requests": [{"at": 1, "path": "/b"}, "/a", {"at": 0, "path": "/c"}]})
        self.assertEqual([(r["id"], r["path"], r["at"]) for r in reqs], [(1, "/a", 0.0), (2, "/c", 0.0), (0, "/b", 1.0)])

    def test_bad_fields_name_the_request(self):
        with self.assertRaisesRegex(WorkloadError, "request 1: \"at\""):
            normalize([{"path": "/"}, {"at": -1}])
        with self.assertRaisesRegex(WorkloadError, "must start with /"):
            normalize(["x"])

    def test_raw_request(self):
        req = normalize([{"path": "/p?q=1", "method": "post", "body": "hi"}])[0]
        self.assertEqual(raw_request(req), b"POST /p?q=1 HTTP/1.1\r\nHost: localhost:8000\r\n"
                                           b"Content-Length: 2\r\nConnection: close\r\n\r\nhi")


class Generate(unittest.TestCase):
    def test_even_arrivals_and_exact_slow_share(self):
        reqs = generate({"requests": 10, "rate": 4, "slow_share": 0.3, "seed": 7})
        self.assertEqual([r["at"] for r in reqs], [i / 4 for i in range(10)])
        self.assertEqual(sum(r["path"] == "/slow" for r in reqs), 3)

    def test_same_seed_same_requests_other_seed_other_choice(self):
        a = generate({"requests": 50, "pattern": "poisson", "seed": 3})
        self.assertEqual(a, generate({"requests": 50, "pattern": "poisson", "seed": 3}))
        self.assertNotEqual(a, generate({"requests": 50, "pattern": "poisson", "seed": 4}))
        self.assertEqual([r["at"] for r in a], sorted(r["at"] for r in a))

    def test_known_draw(self):
        # Pinned: a change in how slow requests are drawn would change every page's numbers.
        reqs = generate({"requests": 10, "slow_share": 0.3, "seed": 1})
        self.assertEqual([r["id"] for r in reqs if r["path"] == "/slow"], [1, 2, 4])

    def test_burst_and_errors(self):
        self.assertEqual({r["at"] for r in generate({"requests": 5, "pattern": "burst"})}, {0.0})
        self.assertRaises(WorkloadError, generate, {"requests": 0})
        self.assertRaises(WorkloadError, generate, {"rate": 0})
        self.assertRaisesRegex(WorkloadError, "unknown", generate, {"workers": 3})


if __name__ == "__main__":
    unittest.main()
