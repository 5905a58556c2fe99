/**
 * What `astro preview` runs (./index.ts registers it): the built site on our static server, so
 * every response, a 404 included, carries COOP/COEP like production (deploy/nginx/site.conf).
 * Astro's own static preview skips its configured headers on 404s.
 */
import { fileURLToPath } from 'node:url';
import type { PreviewServer, PreviewServerParams } from 'astro';
import { startStaticServer } from './static-server.ts';

/** Start the preview server on the host and port `astro preview` was given. */
export default async function createPreviewServer(params: PreviewServerParams): Promise<PreviewServer> {
  const folder = fileURLToPath(params.outDir);
  const host = params.host ?? '127.0.0.1';
  const server = await startStaticServer({ [params.base.endsWith('/') ? params.base : `${params.base}/`]: folder }, [params.port, params.port], host);
  params.logger.info(`serving ${folder} at ${server.origin}${params.base} (COOP/COEP on every response)`);
  return { host, port: params.port, closed: server.closed, stop: server.close };
}
