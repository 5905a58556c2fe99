import unittest

from helpers import FIXTURES, MODES
from wsgisim.api import run_request

RAW = (b"POST /p%20q?x=1 HTTP/1.1\r\nHost: localhost\r\nX-Dup: a\r\nX-Dup: b\r\n"
       b"Content-Type: text/plain\r\nContent-Length: 4\r\n\r\nbody")


class SourcesTest(unittest.TestCase):
    """In every mode, each environ key's source range points at the raw bytes it came from."""

    def test_sources_point_at_their_bytes(self):
        for mode in MODES:
            result = run_request(RAW, app_dir=FIXTURES, app_spec="dispatch:app", mode=mode)
            event = next(e for e in result["events"] if e["type"] == "environ_built")
            sources = event["sources"]
            for key in ("REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "SERVER_PROTOCOL",
                        "HTTP_HOST", "HTTP_X_DUP", "CONTENT_TYPE", "CONTENT_LENGTH", "wsgi.input"):
                self.assertIn(key, sources, (mode, key))
            for key, (start, end) in sources.items():
                text = RAW[start:end].decode("latin-1")
                self.assertTrue(0 <= start < end <= len(RAW), (mode, key))
                if key.startswith("HTTP_") or key.startswith("CONTENT_"):
                    name = text.split(":", 1)[0].upper().replace("-", "_")
                    self.assertTrue(key.endswith(name), (mode, key, text))
            self.assertEqual(RAW[slice(*sources["wsgi.input"])], b"body", mode)
            self.assertEqual(RAW[slice(*sources["REQUEST_METHOD"])], b"POST", mode)
            self.assertEqual(RAW[slice(*sources["PATH_INFO"])], b"/p%20q?x=1", mode)


if __name__ == "__main__":
    unittest.main()
