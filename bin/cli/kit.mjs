// The kit's SQL module for the command line: the package's build (dist/sql/index.js), or in a
// clone before `npm run build` the TypeScript sources, bundled once by esbuild (a dev dependency).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function loadKit() {
  const built = new URL('../../dist/sql/index.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return import(built.href);
  const source = fileURLToPath(new URL('../../src/sql/index.ts', import.meta.url));
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    throw new Error('retention-kit: neither dist/sql/index.js (npm run build) nor esbuild (npm install) is there to load the SQL module');
  }
  const dir = mkdtempSync(join(tmpdir(), 'retention-kit-'));
  try {
    const outfile = join(dir, 'sql.mjs');
    await build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An optional peer dependency, with the install command when it is missing. */
export async function optionalPackage(name, why) {
  try {
    return await import(name);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') throw new Error(`${why} needs the package ${name}: npm install ${name}`);
    throw error;
  }
}
