import os
import sys
import unittest

from helpers import FIXTURES
from wsgisim.loader import AppLoadError, load_app, split_spec


def load(folder, spec):
    path = os.path.join(FIXTURES, folder)
    sys.path.insert(0, path)
    try:
        return load_app(path, spec)
    finally:
        sys.path.remove(path)


class LoaderTest(unittest.TestCase):
    def test_spec_defaults_to_application_like_gunicorn(self):
        self.assertEqual(split_spec("app"), ("app", "application"))
        self.assertEqual(split_spec("pkg.mod:make"), ("pkg.mod", "make"))

    def test_loads_callable_and_factory(self):
        self.assertEqual(load("multi", "app:app").__name__, "app")
        self.assertEqual(load("multi", "app:make_app('hi')").__name__, "inner")

    def test_gunicorn_messages(self):
        cases = {"nothere:app": "No module named 'nothere'",
                 "app:missing": "Failed to find attribute 'missing' in 'app'.",
                 "app": "Failed to find attribute 'application' in 'app'.",
                 "app:not_callable": "Application object must be callable.",
                 "app:1+": "Failed to parse '1+' as an attribute name or function call."}
        for spec, message in cases.items():
            with self.assertRaises(AppLoadError, msg=spec) as ctx:
                load("multi", spec)
            self.assertIn(message, ctx.exception.message)

    def test_syntax_error_names_file_and_line(self):
        with self.assertRaises(AppLoadError) as ctx:
            load("broken", "app:app")
        self.assertEqual((ctx.exception.file, ctx.exception.line), ("app.py", 4))
        self.assertIn("SyntaxError", ctx.exception.message)

    def test_each_load_starts_from_a_clean_namespace(self):
        first = load("state", "app:app")
        first({}, lambda *a: None)
        second = load("state", "app:app")
        self.assertIsNot(first, second)
        self.assertEqual(second({}, lambda *a: None), [b"count=1"])


if __name__ == "__main__":
    unittest.main()
