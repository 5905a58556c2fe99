// Pyodide-only checks for the concurrency package (run by tests/stages/35-concurrency.sh):
// the virtual-time loop must also run when called from a coroutine on Pyodide's own WebLoop,
// as the browser worker may do, and leave that loop usable.
import { join } from 'node:path';
import { startSimulator } from '../../../scripts/simulate-concurrency.ts';

const py = await startSimulator();
const app = join(import.meta.dirname, 'apps/asgi_routes');
py.FS.mkdirTree('/sim/checks');
py.globals.set('_app_source', (await import('node:fs')).readFileSync(join(app, 'app.py'), 'utf8'));
const out = await py.runPythonAsync(`
import asyncio, json, concurrency
with open("/sim/checks/app.py", "w") as f:
    f.write(_app_source)
async def main():
    await asyncio.sleep(0.001)                      # really on Pyodide's WebLoop
    r = concurrency.run_loop([{"at": 0, "path": "/await"}, {"at": 9, "path": "/block"}], "/sim/checks")
    await asyncio.sleep(0.001)                      # the WebLoop still works afterwards
    return [type(asyncio.get_running_loop()).__name__, [q["end"] for q in r["requests"]]]
json.dumps(await main())
`);
const [loopName, ends] = JSON.parse(out) as [string, number[]];
if (loopName !== 'WebLoop' || JSON.stringify(ends) !== '[11,11]') {
  console.error(`FAIL nested loop in Pyodide: ${out}`);
  process.exit(1);
}
console.log('ok   run_loop inside Pyodide\'s WebLoop (ends at 11 s: the blocking sleep stalled the awaiting request)');
