/**
 * Reader apps for tests/e2e/hardening-sandbox.spec.ts. Each Run answers "run N <text>", N counted in
 * the worker's JavaScript global scope (the same code keeps its worker between Runs).
 */

const COUNTER = `import js

def next_run():
    n = (js.self.runCount if hasattr(js.self, "runCount") else 0) + 1
    js.self.runCount = n
    return n
`;

/** The first Run probes what the worker can see and fires every attack it can name at the site (whose
 * origin comes in the query: ?site=http://…); the second reports how each attempt ended (they settle
 * asynchronously). */
export const ATTACK_APP = `${COUNTER}
import json
from pyodide.ffi import create_proxy, to_js

def probe():
    out = {"origin": str(js.self.origin), "caches": hasattr(js.self, "caches"),
           "localStorage": hasattr(js.self, "localStorage"), "boot": hasattr(js.self, "__wsgiBoot")}
    try:
        js.indexedDB.open("wsgi-ground-up")
        out["indexedDB"] = "opened"
    except Exception as e:
        out["indexedDB"] = str(e)[:160]
    return out

def attack(site):
    log = js.Array.new()
    js.self.attackLog = log
    def note(label):
        return create_proxy(lambda value=None: log.push(label + ": " + str(value)[:160]))
    def attempt(label, start):
        try:
            start().then(note(label + " succeeded"), note(label + " denied"))
        except Exception as e:
            log.push(label + " denied: " + str(e)[:160])
    # The service worker's cache: rewrite a script every page runs.
    attempt("caches.open", lambda: js.caches.open("wsgi-site-x"))
    attempt("snapshot cache", lambda: js.caches.open("wsgi-python-memory"))
    # The site's own files (by their full URLs: a stranger's code knows where the site is) and its network.
    for url in [site + "/", site + "/sw.js", site + "/pyodide/pyodide.mjs", "https://example.com/"]:
        attempt("fetch " + url, lambda url=url: js.fetch(url))
    # Storage the origin owns.
    attempt("opfs", lambda: js.navigator.storage.getDirectory())
    attempt("indexedDB", lambda: js.indexedDB.databases())
    # The runtime's protocol: results and output for every run id nearby. (The marker is built here, so
    # the page shows it only if a forged message got through, never from this source code.)
    marker = "FOR" + "GED"
    for i in range(400):
        forged = {"type": "result", "id": i, "result": {"server": None, "exception": None, "notice": None,
                  "stdout": marker, "stderr": "", "elapsedMs": 1}}
        js.postMessage(to_js(forged, dict_converter=js.Object.fromEntries))
        js.postMessage(to_js({"type": "output", "id": i, "stream": "stdout", "text": marker}, dict_converter=js.Object.fromEntries))

def app(environ, start_response):
    n = next_run()
    if n == 1:
        report = probe()
        attack(environ["QUERY_STRING"].removeprefix("site="))
    else:
        report = {"attempts": [str(line) for line in js.self.attackLog]}
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"run {n} {json.dumps(report)}".encode()]
`;

/** A plain app: Python started and serves. */
export const HELLO_APP = `${COUNTER}
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"run {next_run()} hello after the restart".encode()]
`;
