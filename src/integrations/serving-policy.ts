/**
 * How every server we ship answers, in one place: the response headers (cross-origin isolation, the
 * Content-Security-Policy as a header with frame-ancestors, Referrer-Policy, Permissions-Policy,
 * nosniff), the cache rules and the MIME types. The preview server (./preview/static-server.ts), the
 * runtime tests' server (tests/e2e/runtime-server.ts), the service worker (./service-worker/) and nginx
 * (deploy/nginx/site.conf includes what the build generates from this module) all read it.
 *
 * The CSP texts come from ./csp.ts, whose hashes are only known inside the build (they hash files
 * imported with `?raw`), so this module stays plain Node: the build writes the table for one build to
 * POLICY_FILE (./serving-files.ts) and servers read it back with readServingPolicy().
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Content-Type by file extension. */
export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.zip': 'application/zip', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.ico': 'image/x-icon', '.txt': 'text/plain',
  '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.pf_meta': 'application/octet-stream',
};

/** Types worth gzipping (Pyodide's wasm shrinks 9.6 MB → ~3.6 MB). */
export const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml|manifest)|image\/svg)/;

// Hashed build output never changes under the same name; the un-hashed Pyodide files are revalidated
// daily; HTML and /sw.js always, so a new build shows on the next visit. First match wins.
const CACHE_RULES: [prefix: string, value: string][] = [
  ['/_astro/', 'public, max-age=31536000, immutable'],
  ['/pyodide/', 'public, max-age=86400, must-revalidate'],
];
const CACHE_DEFAULT = 'no-cache';

/** The Cache-Control of a URL path. */
export function cacheControl(path: string): string {
  return CACHE_RULES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? CACHE_DEFAULT;
}

/** COOP + COEP make pages cross-origin isolated (SharedArrayBuffer, hence the fast interrupt of Python). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// Powerful features the site never uses, denied to it and to every frame it embeds. Only names
// Chromium knows: an unknown one is a console error on every page. Not listed: clipboard-write (the
// Copy buttons) and cross-origin-isolated (the interrupt of Python), which the site needs.
const DENIED_FEATURES = [
  'accelerometer', 'autoplay', 'bluetooth', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
  'geolocation', 'gyroscope', 'hid', 'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment',
  'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
];

/** Headers every response carries whatever its path (isolation aside, which a test server may leave out). */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Same-origin requests keep their referrer (nothing uses it); other origins learn nothing.
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
};

/** The policy of one build: CSP header text by path prefix (the longest prefix wins; "/" is the default). */
export interface ServingPolicy {
  csp: Record<string, string>;
}

/** Where the build writes its ServingPolicy (and nginx's includes), inside the build folder. Never served. */
export const DEPLOY_DIR = '_deploy';
export const POLICY_FILE = `${DEPLOY_DIR}/serving-policy.json`;

/** The CSP header text for `path`, or undefined when the policy has none. */
export function cspFor(policy: ServingPolicy | null, path: string): string | undefined {
  if (!policy) return undefined;
  const prefix = Object.keys(policy.csp).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : policy.csp[prefix];
}

/** Every header a response for `path` carries (Content-Type and validators aside). */
export function responseHeaders(policy: ServingPolicy | null, path: string, { isolated = true } = {}): Record<string, string> {
  const csp = cspFor(policy, path);
  return {
    ...(isolated ? ISOLATION_HEADERS : {}),
    ...COMMON_HEADERS,
    ...(csp ? { 'Content-Security-Policy': csp } : {}),
    'Cache-Control': cacheControl(path),
  };
}

/** A path a server must not answer with a file: the build's deploy files. */
export function isPrivatePath(path: string): boolean {
  return path === `/${DEPLOY_DIR}` || path.startsWith(`/${DEPLOY_DIR}/`);
}

/** The ServingPolicy a build wrote (null for a folder without one, e.g. a build older than this module). */
export function readServingPolicy(dist: string): ServingPolicy | null {
  const file = join(dist, POLICY_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServingPolicy) : null;
}

/**
 * Where a build puts its test-only pages (/runtime-test/): beside the build folder, never inside it, so
 * no deploy ships them. Only test servers serve it (tests/e2e/runtime-server.ts, and `astro preview`
 * when SITE_TEST_PAGES=1).
 */
export function testPagesDir(dist: string): string {
  return `${dist.replace(/[\\/]+$/, '')}-test-pages`;
}

/** A path as one nginx string literal (double-quoted). */
function nginxString(value: string): string {
  if (/[$"\\\n]/.test(value)) throw new Error(`serving policy: cannot write ${JSON.stringify(value)} into nginx's config`);
  return `"${value}"`;
}

const nginxPrefix = (prefix: string) => `~^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;

/**
 * nginx's two include files for `policy`: `maps` (at http level: headers whose value depends on the path)
 * and `headers` (inside server {}: one add_header per header, `always`, so errors carry them too).
 */
export function nginxIncludes(policy: ServingPolicy): { maps: string; headers: string } {
  const note = '# Generated at build by src/integrations/serving-files.ts from src/integrations/serving-policy.ts. Do not edit.\n';
  const cspDefault = policy.csp['/'];
  if (!cspDefault) throw new Error('serving policy: no Content-Security-Policy for "/"');
  const map = (variable: string, rules: [string, string][], fallback: string) =>
    `map $uri ${variable} {\n${rules.map(([prefix, value]) => `    ${nginxPrefix(prefix)} ${nginxString(value)};\n`).join('')}    default ${nginxString(fallback)};\n}\n`;
  const cspRules = Object.entries(policy.csp).filter(([p]) => p !== '/').sort(([a], [b]) => b.length - a.length);
  const maps = note + map('$wsgi_cache_control', CACHE_RULES, CACHE_DEFAULT) + map('$wsgi_csp', cspRules, cspDefault);
  const fixed = { ...ISOLATION_HEADERS, ...COMMON_HEADERS };
  const headers = note + [
    ...Object.entries(fixed).map(([name, value]) => `add_header ${name} ${nginxString(value)} always;`),
    'add_header Content-Security-Policy $wsgi_csp always;',
    'add_header Cache-Control $wsgi_cache_control always;',
  ].join('\n') + '\n';
  return { maps, headers };
}
