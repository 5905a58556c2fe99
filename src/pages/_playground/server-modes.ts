/**
 * The server modes the core imitates, with the version each one copies, read at build time from the
 * core's own mode classes (src/runtime/python/wsgisim/modes/*.py: `name = "..."` then `version = "..."`),
 * so the selector can never disagree with what the core reports after a run.
 */
export interface ServerModeInfo { name: string; version: string }

const ORDER = ['reference', 'wsgiref', 'gunicorn', 'waitress'];
const SOURCES = import.meta.glob<string>('../../runtime/python/wsgisim/modes/*.py', { query: '?raw', import: 'default', eager: true });

/** Every mode with its version, in the order readers meet them. */
export function serverModes(): ServerModeInfo[] {
  return ORDER.map((name) => {
    const source = SOURCES[`../../runtime/python/wsgisim/modes/${name}.py`] ?? '';
    const match = source.match(new RegExp(`^\\s+name = "${name}"\\n\\s+version = "([^"]+)"`, 'm'));
    if (!match) throw new Error(`playground: could not read the version of mode "${name}" from wsgisim/modes/${name}.py (expected name = "${name}" then version = "...").`);
    return { name, version: match[1] };
  });
}
