/**
 * The document of the sandbox frame the reader's Python runs behind (docs/decisions/reader-code-sandbox.md).
 * The frame is `sandbox="allow-scripts"` without allow-same-origin, so it and the worker it starts have
 * an opaque origin: no storage, no Cache Storage, no service worker, no same-origin network. Its only
 * script (frame-host.js, inline; its hash is in the site's CSP, which a srcdoc document inherits) starts
 * one classic worker from a blob and hands it the runtime module's source, the page's two message
 * ports and the interrupt buffer, which must be created here: a SharedArrayBuffer cannot cross from
 * the page into another origin's agent cluster. The frame's own policy adds to the inherited one:
 * nothing may be fetched (connect-src 'none'), only blob: scripts and workers.
 */
import hostSource from './frame-host.js?raw';

/** The frame host's script text, exactly as the srcdoc carries it (the CSP hashes this). */
export const frameHostScript: string = hostSource.trim();

/** The frame's own policy, enforced together with the inherited site policy (both must allow a thing):
 * 'unsafe-inline' here still admits only the host script, the one inline script the site's policy hashes. */
export const FRAME_POLICY = "default-src 'none'; script-src blob: 'unsafe-inline' 'wasm-unsafe-eval'; worker-src blob:";

/** The srcdoc of every sandbox frame. */
export const SANDBOX_SRCDOC = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><script>${frameHostScript}</script>`;
