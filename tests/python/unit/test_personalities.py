"""Each personality against the bytes its real server sent (golden file measured by
tests/python/differential/capture.py --golden; the differential stage re-measures them live)."""
import json
import sys
import unittest

from helpers import FIXTURES, ROOT
from wsgisim.api import run_request

sys.path.insert(0, str(ROOT / "tests" / "python" / "differential"))
from cases import ALL  # noqa: E402
from compare import agreed, components, normalise  # noqa: E402
from realservers import PORTS  # noqa: E402

GOLDEN = json.loads((ROOT / "tests/python/differential/golden/real-servers.json").read_text())


def simulate(case, mode, port=8000):
    return run_request(ALL[case], app_dir=FIXTURES, app_spec="dispatch:app", mode=mode,
                       server_addr=("127.0.0.1", port))


class PersonalityTest(unittest.TestCase):
    def test_every_case_matches_its_server_byte_for_byte(self):
        for mode, port in PORTS.items():
            for case, real in GOLDEN[mode].items():
                with self.subTest(mode=mode, case=case):
                    got = simulate(case, mode, port)
                    self.assertEqual(normalise(got["response"]).decode("latin-1"), real["response"])
                    if real["response"]:  # a server that never answers: open or closed looks the same
                        self.assertEqual(got["keep_alive"], not real["closed"])

    def test_reference_matches_whatever_the_three_agree_on(self):
        for case in GOLDEN["gunicorn"]:
            servers = {m: {"response": GOLDEN[m][case]["response"].encode("latin-1"),
                           "closed": GOLDEN[m][case]["closed"]} for m in PORTS}
            expect = agreed(servers)
            got = simulate(case, "reference")
            mine = components(got["response"], not got["keep_alive"])
            with self.subTest(case=case):
                self.assertEqual({k: mine.get(k) for k in expect}, expect)


if __name__ == "__main__":
    unittest.main()
