/**
 * `astro preview` through our own static server (./entrypoint.ts). Registered as an adapter's
 * preview entrypoint only when the command is `preview`, so builds stay plain static output.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

// Preview only serves files: nothing renders on demand, so the build features do not apply.
const notApplicable = { support: 'unsupported', message: 'astro preview only serves the built files', suppress: 'all' } as const;

export function isolatedPreview(): AstroIntegration {
  let command = '';
  return {
    name: 'wsgi:isolated-preview',
    hooks: {
      'astro:config:setup': (options) => { command = options.command; },
      'astro:config:done': ({ setAdapter }) => {
        if (command !== 'preview') return;
        setAdapter({
          name: 'wsgi:isolated-preview',
          // A path: Astro resolves it with require.resolve, which takes no file: URLs.
          previewEntrypoint: fileURLToPath(new URL('./entrypoint.ts', import.meta.url)),
          supportedAstroFeatures: { staticOutput: 'stable', hybridOutput: notApplicable, serverOutput: notApplicable, sharpImageService: 'stable' },
          entrypointResolution: 'auto',
        });
      },
    },
  };
}
