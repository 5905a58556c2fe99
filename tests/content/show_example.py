"""Print exactly what wsgiref answers for one example: `python3 show_example.py FILE [METHOD PATH [BODY]]`.

Used while writing the pages, to quote real server output instead of guessing it.
"""
import sys

from wsgiref_harness import load_app, request, serve



def main(argv):
    """Serve the file's `app`, send one request, print the raw response and the server log."""
    path = argv[1]
    method = argv[2] if len(argv) > 2 else "GET"
    target = argv[3] if len(argv) > 3 else "/"
    body = argv[4] if len(argv) > 4 else ""
    headers = {"Content-Type": "text/plain; charset=utf-8"} if body else {}
    with serve(load_app(path), 0) as log:
        _, _, _, raw = request(log.port, method, target, headers, body)
    print("--- response ---")
    print(raw.decode("latin-1"))
    print("--- server log ---")
    print(log.getvalue())


if __name__ == "__main__":
    main(sys.argv)
