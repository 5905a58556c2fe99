/**
 * What `astro preview` runs (./index.ts registers it): the built site on our static server, so
 * every response, a 404 included, carries the headers of production (../serving-policy.ts, the same
 * nginx sends). Astro's own static preview skips its configured headers on 404s. SITE_TEST_PAGES=1
 * also serves the build's test-only pages (/runtime-test/, kept beside the build, not in it).
 */
import { fileURLToPath } from 'node:url';
import type { PreviewServer, PreviewServerParams } from 'astro';
import { startStaticServer } from './static-server.ts';
import { testPagesDir } from '../serving-policy.ts';

/** Start the preview server on the host and port `astro preview` was given. */
export default async function createPreviewServer(params: PreviewServerParams): Promise<PreviewServer> {
  const folder = fileURLToPath(params.outDir);
  const host = params.host ?? '127.0.0.1';
  const folders = process.env.SITE_TEST_PAGES === '1' ? [folder, testPagesDir(folder)] : [folder];
  const server = await startStaticServer({ [params.base.endsWith('/') ? params.base : `${params.base}/`]: folders }, [params.port, params.port], host);
  params.logger.info(`serving ${folders.join(' + ')} at ${server.origin}${params.base} (the serving policy's headers on every response)`);
  return { host, port: params.port, closed: server.closed, stop: server.close };
}
