/**
 * Runs the Debian nginx in the foreground on deploy/nginx/site.conf, serving a built site, for the
 * nginx browser tests (Playwright starts it as its webServer and stops it at teardown). Everything
 * nginx writes (pid, logs, temp files) goes to a fresh temp prefix that is removed on exit.
 * Usage: npx node tests/e2e/nginx/run-nginx.ts [dist] [port]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? process.env.SITE_DIST ?? 'dist');
const port = Number(process.argv[3] ?? process.env.NGINX_PORT ?? 8480);
const prefix = mkdtempSync(join(tmpdir(), 'wsgi-nginx-'));

/** site.conf with this run's root (also in the includes of the build's headers) and a loopback listen address. */
export function siteConfFor(distDir: string, listenPort: number): string {
  const site = readFileSync(new URL('../../../deploy/nginx/site.conf', import.meta.url), 'utf8');
  const root = site.match(/^\s*root\s+([^;]+);/m)?.[1];
  const out = site
    .replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${listenPort};`)
    .replaceAll(`${root}/`, `${distDir}/`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${distDir};`);
  if (!root || !out.includes(`listen 127.0.0.1:${listenPort};`) || !out.includes(`root ${distDir};`)) {
    throw new Error('deploy/nginx/site.conf must have one `listen` and one `root` line for the test to replace.');
  }
  return out;
}

writeFileSync(join(prefix, 'site.conf'), siteConfFor(dist, port));
// master_process off: one process as the current user (no worker user switch), stopped by one signal.
writeFileSync(join(prefix, 'nginx.conf'), `
daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  sendfile on;
  include ${prefix}/site.conf;
}
`);

const nginx = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'inherit' });
const stop = () => nginx.kill('SIGQUIT');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
nginx.on('exit', (code) => {
  try { process.stderr.write(readFileSync(join(prefix, 'error.log'), 'utf8')); } catch { /* no log yet */ }
  rmSync(prefix, { recursive: true, force: true });
  process.exit(code ?? 0);
});
