"""The virtual clock and the patched time functions."""
import time
import unittest

import support  # noqa: F401  (puts the package on sys.path)
from concurrency.simulate import cpu_work, slow_io
from concurrency.virtual_clock import EPOCH, VirtualClock, WorkerTimeout, virtual_time


class PatchedTime(unittest.TestCase):
    def test_time_functions_read_the_clock_and_are_restored(self):
        real_sleep = time.sleep
        clock = VirtualClock()
        with virtual_time(clock):
            t0, m0 = time.time(), time.monotonic()
            time.sleep(2.5)
            self.assertEqual(time.monotonic() - m0, 2.5)
            self.assertEqual(time.perf_counter(), 2.5)
            self.assertEqual(time.time() - t0, 2.5)
            self.assertEqual(time.monotonic_ns(), 2_500_000_000)
        self.assertIs(time.sleep, real_sleep)
        self.assertGreater(time.time(), EPOCH - 10 * 365 * 86400)   # a real wall clock again

    def test_functions_bound_during_a_run_fall_back_to_real_time_after(self):
        with virtual_time(VirtualClock(5.0)):
            from time import monotonic   # what a module imported mid-run would keep
            self.assertEqual(monotonic(), 5.0)
        self.assertNotEqual(monotonic(), 5.0)

    def test_helpers_record_segments(self):
        clock = VirtualClock(1.0)
        with virtual_time(clock):
            slow_io(2)
            cpu_work(0.5)
            time.sleep(0)
        self.assertEqual(clock.now, 3.5)
        self.assertEqual(clock.take_segments(), [
            {"kind": "io", "call": "slow_io(2)", "start": 1.0, "end": 3.0},
            {"kind": "cpu", "call": "cpu_work(0.5)", "start": 3.0, "end": 3.5},
        ])

    def test_bad_arguments_fail_like_time_sleep(self):
        with virtual_time(VirtualClock()):
            self.assertRaises(ValueError, time.sleep, -1)
            self.assertRaises(TypeError, slow_io, "1")
            self.assertRaises(OverflowError, time.sleep, float("inf"))

    def test_deadline_stops_the_clock_and_raises(self):
        clock = VirtualClock()
        clock.deadline = 30.0
        with virtual_time(clock):
            slow_io(20)
            with self.assertRaises(WorkerTimeout):
                slow_io(20)
        self.assertEqual((clock.now, clock.timed_out), (30.0, True))

    def test_simulations_do_not_nest(self):
        with virtual_time(VirtualClock()):
            with self.assertRaises(RuntimeError):
                virtual_time(VirtualClock()).__enter__()


if __name__ == "__main__":
    unittest.main()
