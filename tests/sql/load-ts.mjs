// Loads the kit's TypeScript in Node for the SQL tests and the command line's tests: esbuild
// (already a dev dependency) bundles an entry into one ES module in a temp folder, imported once.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Imports `entry` (a .ts path from the repository root) as a bundled module. */
export async function importTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'rk-ts-'));
  const outfile = join(dir, 'module.mjs');
  try {
    await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
