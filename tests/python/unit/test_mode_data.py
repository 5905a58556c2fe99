"""wsgisim/modes/data.py: the modes as data, and the TypeScript module generated from it."""
import os
import unittest

import helpers  # noqa: F401  (puts the runtime's Python on sys.path)
from wsgisim.api import run_request
from wsgisim.modes import MODES
from wsgisim.modes.data import mode_data, typescript

GENERATED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "src", "runtime", "server-modes.ts")


class ModeDataTest(unittest.TestCase):
    def test_the_generated_typescript_module_is_current(self):
        with open(GENERATED, encoding="utf-8") as f:
            committed = f.read()
        self.assertEqual(committed, typescript(),
                         "src/runtime/server-modes.ts is stale: cd src/runtime/python && "
                         "python3 -m wsgisim.modes > ../server-modes.ts")

    def test_every_mode_is_described_with_its_limits_as_class_attributes(self):
        data = mode_data()
        self.assertEqual([m["name"] for m in data], ["reference", "wsgiref", "gunicorn", "waitress"])
        for mode in data:
            cls = MODES[mode["name"]]
            self.assertTrue(mode["version"] and mode["description"] and mode["serveCommand"], mode["name"])
            self.assertTrue(mode["limits"], mode["name"])
            for attr, value in mode["limits"].items():
                self.assertIsInstance(value, int, attr)
                self.assertEqual(getattr(cls, attr), value)

    def test_the_version_is_the_one_a_run_reports(self):
        for mode in mode_data():
            result = run_request(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", app_dir=helpers.FIXTURES, app_spec="echo:application",
                                 mode=mode["name"], trace=False)
            self.assertEqual(result["mode"], {"name": mode["name"], "version": mode["version"]})

    def test_a_limit_changes_what_the_server_says(self):
        gunicorn, waitress = MODES["gunicorn"], MODES["waitress"]
        self.assertIn("after %d s" % gunicorn.timeout, gunicorn.wait_message)
        self.assertIn("(%d s)" % waitress.channel_timeout, waitress.wait_message)


if __name__ == "__main__":
    unittest.main()
