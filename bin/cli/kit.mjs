// The kit's SQL module for the command line. In a checkout (src/ beside bin/) the TypeScript
// sources, bundled by esbuild (a dev dependency), so the command runs the code as it is, never a
// dist/ left from an older build; in the installed package (no src/) its build, dist/sql/index.js.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function loadKit() {
  const source = fileURLToPath(new URL('../../src/sql/index.ts', import.meta.url));
  const built = new URL('../../dist/sql/index.js', import.meta.url);
  if (!existsSync(source)) {
    if (existsSync(fileURLToPath(built))) return import(built.href);
    throw new Error('retention-kit: dist/sql/index.js is missing from the package');
  }
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    if (existsSync(fileURLToPath(built))) return import(built.href);
    throw new Error('retention-kit: in a checkout, run npm install (esbuild loads the sources) or npm run build');
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
