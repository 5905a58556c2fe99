/**
 * After `astro build`: writes how to serve this build, and takes the test-only pages out of it.
 * - `_deploy/serving-policy.json` (the CSP header texts of ./csp.ts, known only inside the build) and
 *   nginx's includes `_deploy/nginx-maps.conf` and `_deploy/nginx-headers.conf`, all from
 *   ./serving-policy.ts. Servers read the JSON; deploy/nginx/site.conf includes the two .conf files, so
 *   nginx sends exactly the headers of the build it serves (no hand-copied hashes). Never served.
 * - /runtime-test/ (src/pages/runtime-test.astro) and its script move to testPagesDir(): no deploy ships
 *   the test bench; the runtime tests' server serves it from there.
 * List it after every integration that edits pages and before serviceWorker(), which lists what is left.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterBuild } from './after-build.ts';
import { headerPolicies } from './csp.ts';
import { DEPLOY_DIR, nginxIncludes, POLICY_FILE, testPagesDir, type ServingPolicy } from './serving-policy.ts';

/** Built files that are test fixtures, not the site: the runtime test bench and its page script. */
const TEST_ONLY = [/^runtime-test\//, /^_astro\/runtime-test\.astro_astro_type_script_[^/]+\.js$/];

/** Move the test-only files of `dist` to testPagesDir(dist) (emptied first); the moved paths. */
export async function moveTestPages(dist: string): Promise<string[]> {
  const target = testPagesDir(dist);
  await rm(target, { recursive: true, force: true });
  const files = (await readdir(dist, { recursive: true })).map((f) => f.replace(/\\/g, '/'));
  const moved: string[] = [];
  for (const file of files.filter((f) => TEST_ONLY.some((re) => re.test(f))).sort()) {
    if (!(await stat(join(dist, file))).isFile()) continue;
    const to = join(target, file);
    await mkdir(dirname(to), { recursive: true });
    await rename(join(dist, file), to);
    moved.push(file);
  }
  await rm(join(dist, 'runtime-test'), { recursive: true, force: true });
  return moved;
}

/** Write this build's serving policy and nginx includes into `dist`/_deploy/. */
export async function writeServingFiles(dist: string, policy: ServingPolicy = { csp: headerPolicies() }): Promise<void> {
  await mkdir(join(dist, DEPLOY_DIR), { recursive: true });
  const { maps, headers } = nginxIncludes(policy);
  await writeFile(join(dist, POLICY_FILE), JSON.stringify(policy, null, 2) + '\n');
  await writeFile(join(dist, DEPLOY_DIR, 'nginx-maps.conf'), maps);
  await writeFile(join(dist, DEPLOY_DIR, 'nginx-headers.conf'), headers);
}

/** The Astro integration (see the top of this file). */
export function servingFiles(): AstroIntegration {
  return afterBuild('serving-files', async (dist, logger) => {
    const moved = await moveTestPages(dist);
    await writeServingFiles(dist);
    logger.info(`${POLICY_FILE} and nginx includes written; ${moved.length} test-only file(s) moved to ${testPagesDir(dist)}`);
  });
}
