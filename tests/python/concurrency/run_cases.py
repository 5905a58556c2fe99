"""Golden cases: each cases/*.workload.json run on CPython must equal its reviewed *.expected.json.

The stage also runs the same files through the Pyodide command line and compares them with
the same expected files, so CPython and Pyodide are shown to give identical results.
  python3 tests/python/concurrency/run_cases.py            check (CPython)
  python3 tests/python/concurrency/run_cases.py --update   rewrite the expected files
  python3 tests/python/concurrency/run_cases.py --compare DIR   check DIR/<case>.json (Pyodide output)
"""
import glob
import json
import os
import sys

from support import HERE, without_real
from concurrency.api import run_spec

CASES = os.path.join(HERE, "cases")


def split_app(app, base):
    """Folder and "module:callable" from "path/app.py:callable", as the command line does."""
    path, _, name = app.partition(":")
    path = os.path.normpath(os.path.join(base, path))
    module = os.path.splitext(os.path.basename(path))[0]
    return os.path.dirname(path), f"{module}:{name or 'app'}"


def run_case(spec):
    """The {pool?, loop?} result for a workload file's contents, "real" left out."""
    run = dict(spec)
    for server in ("pool", "loop"):
        if server in spec:
            options = dict(spec[server])
            app_dir, app_spec = split_app(options.pop("app"), CASES)
            run[server] = {**options, "app_dir": app_dir, "app_spec": app_spec}
    return strip(run_spec(run))


def strip(result):
    return {server: without_real(r) for server, r in result.items()}


def main(argv):
    failed = 0
    for path in sorted(glob.glob(os.path.join(CASES, "*.workload.json"))):
        name = os.path.basename(path)[:-len(".workload.json")]
        expected_path = os.path.join(CASES, name + ".expected.json")
        if "--compare" in argv:
            with open(os.path.join(argv[argv.index("--compare") + 1], name + ".json")) as f:
                got = strip(json.load(f))
        else:
            with open(path) as f:
                got = json.loads(json.dumps(run_case(json.load(f))))
        if "--update" in argv:
            with open(expected_path, "w") as f:
                json.dump(got, f, indent=1, ensure_ascii=False)
                f.write("\n")
            print(f"wrote {os.path.relpath(expected_path)}")
            continue
        with open(expected_path) as f:
            expected = json.load(f)
        if got == expected:
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: differs from {os.path.relpath(expected_path)}")
            for server in expected:
                for key in expected[server]:
                    if got.get(server, {}).get(key) != expected[server][key]:
                        print(f"     {server}.{key} differs")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
