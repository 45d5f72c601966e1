// Vite config for the demo gallery (`npm run demo`, `npm run demo:build`).
// The gallery lives in demo/ and imports the elements straight from src/, so the
// dev server needs to read the whole repository, not only demo/.
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { sampleFiles, type SampleFile } from './demo/lib/sample-files.ts';
import { referenceDocs } from './scripts/reference-docs.mjs';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const demoRoot = resolve(repoRoot, 'demo');
const outDir = resolve(repoRoot, 'demo-dist');

const pages = ['index', 'reference', 'cms', 'real-data', 'portal', 'dark', 'builder'];
const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };

/**
 * The real shop export (UCI Online Retail II) is kept gzipped in the repository.
 * Pages ask for the plain `.csv` URL; the server answers with the gzipped bytes and
 * `Content-Encoding: gzip`, so the browser inflates it before any element sees it,
 * exactly as a production server with compression would.
 */
const retailUrl = '/data/online-retail-ii-2009-2010.csv';
const retailFixture = resolve(repoRoot, 'tests/fixtures/online-retail/online-retail-ii-2009-2010.csv.gz');
const retailBuiltName = 'data/online-retail-ii-2009-2010.csv.gz';
/** The same export aggregated by `retention-kit aggregate` (served from the demo root as it is). */
const warehouseFolder = resolve(demoRoot, 'warehouse');

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

function sendGzippedCsv(file: string, req: IncomingMessage, res: ServerResponse): void {
  if (!existsSync(file)) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`The real-data demo needs ${file}; it is not in this checkout.\n`);
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(statSync(file).size));
  res.setHeader('Cache-Control', 'no-cache');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

function sendText(body: string, type: string, res: ServerResponse): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-cache');
  res.end(body);
}

/**
 * Serves the demo's data: the seeded sample files (generated in memory, so every page
 * works with no user data) and the real CSV. `vite build` writes the same files into
 * the output so the built gallery is self-contained.
 */
function demoData(): Plugin {
  let samples: Map<string, SampleFile> | undefined;
  const sampleMap = () => (samples ??= new Map(sampleFiles().map((file) => [`/${file.path}`, file])));

  return {
    name: 'retention-kit-demo-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = pathOf(req);
        if (path === retailUrl) return sendGzippedCsv(retailFixture, req, res);
        const sample = sampleMap().get(path);
        if (sample) return sendText(sample.body, sample.type, res);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (pathOf(req) === retailUrl) return sendGzippedCsv(join(outDir, retailBuiltName), req, res);
        next();
      });
    },
    generateBundle() {
      for (const file of sampleMap().values()) {
        this.emitFile({ type: 'asset', fileName: file.path, source: file.body });
      }
      // What the command line wrote from the export (demo/warehouse/, checked against it by tests/sql/cli.test.mjs).
      for (const name of readdirSync(warehouseFolder)) {
        this.emitFile({ type: 'asset', fileName: `warehouse/${name}`, source: readFileSync(join(warehouseFolder, name)) });
      }
      if (existsSync(retailFixture)) {
        this.emitFile({ type: 'asset', fileName: retailBuiltName, source: readFileSync(retailFixture) });
      } else {
        this.warn(`${retailFixture} is missing: the real-data page will show a load error.`);
      }
    },
  };
}

/**
 * The element reference's content (demo/reference.html): made from custom-elements.json and
 * the elements' English terms by scripts/reference-docs.mjs, on every request while serving
 * (so a regenerated manifest shows at once) and once into the build.
 */
function referenceData(): Plugin {
  const path = '/reference/data.json';
  const json = () => JSON.stringify(referenceDocs(repoRoot));
  return {
    name: 'retention-kit-reference-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => (pathOf(req) === path ? sendText(json(), 'application/json', res) : next()));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: path.slice(1), source: json() });
    },
  };
}

export default defineConfig({
  root: demoRoot,
  base: './',
  publicDir: false,
  appType: 'mpa',
  plugins: [demoData(), referenceData()],
  // The kit's version, as the library build stamps it (platform/define.ts): the CDN lines the
  // demo shows (demo/lib/cdn.ts) name it.
  define: { __RETENTION_KIT_VERSION__: JSON.stringify(version) },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [repoRoot] },
  },
  // The metrics worker is an ES module worker (compute.ts starts it with type: 'module').
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: Object.fromEntries(pages.map((page) => [page, resolve(demoRoot, `${page}.html`)])),
    },
  },
});
