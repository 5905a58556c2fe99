/** The shape of a build step that acts only on the finished build (csp-check, pagefind-index, serving-files, service-worker). */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';

/** An Astro integration named `name` whose one hook, after `astro build`, runs `step` on the build's folder (a path). */
export function afterBuild(name: string, step: (dist: string, logger: AstroIntegrationLogger) => Promise<void>): AstroIntegration {
  return { name, hooks: { 'astro:build:done': ({ dir, logger }) => step(fileURLToPath(dir), logger) } };
}
