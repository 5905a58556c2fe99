import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// README promises `npm run preview -- --port N` (and `npm start -- --port N`) serve on N: the scripts must
// not pin a port that the reader's --port cannot override. Runs after the build (stage 20), against dist/
// or SITE_DIST.
const PORT = 4391;

async function answers(url: string, until: number): Promise<number> {
  while (Date.now() < until) {
    try { return (await fetch(url)).status; } catch { await new Promise((r) => setTimeout(r, 250)); }
  }
  return 0;
}

describe('npm scripts', () => {
  it('npm run preview -- --port N serves on N', async () => {
    const outDir = process.env.SITE_DIST ? ['--outDir', process.env.SITE_DIST] : [];
    const child = spawn('npm', ['run', 'preview', '--', '--port', String(PORT), ...outDir], { detached: true, stdio: 'ignore' });
    try {
      expect(await answers(`http://127.0.0.1:${PORT}/`, Date.now() + 60_000)).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 90_000);
});
