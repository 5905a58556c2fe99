"""Metrics from request records."""
import unittest

import support  # noqa: F401
from concurrency.metrics import percentile, queue_series, summary, throughput


def rec(at, start, end, outcome="complete"):
    return {"at": at, "start": start, "end": end, "outcome": outcome}


class Metrics(unittest.TestCase):
    def test_nearest_rank_percentile(self):
        values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        self.assertEqual((percentile(values, 50), percentile(values, 95), percentile(values, 100)), (5, 10, 10))
        self.assertEqual(percentile([3], 95), 3)
        self.assertIsNone(percentile([], 50))

    def test_queue_counts_arrived_not_started(self):
        records = [rec(0, 0, 1), rec(0, 1, 2), rec(0, 2, 3), rec(1.5, 3, 3.5)]
        self.assertEqual(queue_series(records), [[0.0, 2], [1.0, 1], [1.5, 2], [2.0, 1], [3.0, 0]])

    def test_throughput_per_second_and_summary(self):
        records = [rec(0, 0, 0.5), rec(0, 0, 1.0), rec(0, 0, 2.5), rec(0, 0, 3.0, "killed")]
        self.assertEqual(throughput(records), [{"second": 0, "finished": 1}, {"second": 1, "finished": 1},
                                               {"second": 2, "finished": 1}])
        s = summary(records)
        self.assertEqual((s["completed"], s["outcomes"], s["latency"]["max"], s["duration"]),
                         (3, {"complete": 3, "killed": 1}, 2.5, 3.0))


if __name__ == "__main__":
    unittest.main()
