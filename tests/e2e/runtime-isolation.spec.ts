import { test, expect, type Page } from '@playwright/test';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';
import { openRuntime, sendRequest } from './runtime-page.ts';

// Nothing a run does outlives it for other code (docs/decisions/reader-code-sandbox.md): code that
// patches the server core, injects modules, parks objects in builtins and the worker's global scope
// and writes files outside its folder leaves no trace in a run of other code, which gets a fresh
// worker. The same code run again keeps its worker, with its own modules purged as before.
let server: StaticServer;
const port = 4414;
const base = `http://127.0.0.1:${port}`;

// One page for the three tests, in order (each start of Python costs seconds of CPU): what they check is
// between runs on a page, and each run of other code gets a fresh worker whatever ran before it.
let page: Page;
test.beforeAll(async ({ browser }) => {
  server = await serveStatic(distDir, port, true);
  page = await browser.newPage();
  await openRuntime(page, base);
});
test.afterAll(async () => {
  await page?.context().close();
  await new Promise((resolve) => server?.close(resolve));
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const TAMPER = `import builtins, os, sys, types, js
import wsgisim, wsgisim.api

def app(environ, start_response):
    builtins.left_behind = "builtins"
    sys.modules["left_behind"] = types.ModuleType("left_behind")
    wsgisim.api.left_behind = "patched core"
    js.self.leftBehind = "worker global"
    with open("/tmp/left_behind.txt", "w") as f:
        f.write("outside the app folder")
    with open("/home/pyodide/left_behind.py", "w") as f:
        f.write("X = 1")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"tampered"]
`;

const INSPECT = `import builtins, os, sys, js
import wsgisim.api

def app(environ, start_response):
    seen = [
        name for name, there in [
            ("builtins", hasattr(builtins, "left_behind")),
            ("sys.modules", "left_behind" in sys.modules),
            ("server core", hasattr(wsgisim.api, "left_behind")),
            ("worker global", hasattr(js.self, "leftBehind")),
            ("/tmp file", os.path.exists("/tmp/left_behind.txt")),
            ("home file", os.path.exists("/home/pyodide/left_behind.py")),
        ] if there
    ]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [("left behind: " + (", ".join(seen) or "nothing")).encode()]
`;

test('a run of other code sees nothing a previous run patched, injected, parked or wrote', async () => {
  const tampered = await sendRequest(page, { 'app.py': TAMPER });
  expect(tampered.body).toBe('tampered');
  const inspected = await sendRequest(page, { 'app.py': INSPECT });
  expect(inspected.exception).toBeNull();
  expect(inspected.body).toBe('left behind: nothing');
});

test('the same code run twice keeps its worker: its module state is purged, its worker global is its own', async () => {
  const counter = `import js\nCOUNT = [0]\n\ndef app(environ, start_response):\n    COUNT[0] += 1\n    js.self.runs = (js.self.runs if hasattr(js.self, "runs") else 0) + 1\n    start_response("200 OK", [])\n    return [f"module {COUNT[0]} worker {js.self.runs}".encode()]\n`;
  expect((await sendRequest(page, { 'app.py': counter })).body).toBe('module 1 worker 1');
  expect((await sendRequest(page, { 'app.py': counter })).body).toBe('module 1 worker 2');
});

test('code that closes its own worker (js.close()) does not hang the next Run: Python restarts, the reader is told', async () => {
  const closer = 'import js\n\ndef app(environ, start_response):\n    if environ["PATH_INFO"] == "/close":\n        js.close()\n    start_response("200 OK", [])\n    return [b"still here"]\n';
  await sendRequest(page, { 'app.py': closer }, { method: 'GET', target: '/close' });
  const next = await sendRequest(page, { 'app.py': closer });
  expect(next.body).toBe('still here');
  await expect(page.getByRole('status', { name: 'Runtime notice' })).toContainText('Python stopped answering');
});
