// Vite config for the library (`npm run build` runs scripts/build.mjs, which runs
// each mode below once). The demo gallery keeps vite.config.ts.
//
//   --mode package  dist/**      the npm package: one ES module per source module
//                                 (preserveModules), dependencies left as imports, so
//                                 an app's bundler dedupes Lit and drops unused elements
//   --mode bundle   dist/retention-kit.js       one ES module, everything inside (CDN)
//   --mode iife     dist/retention-kit.iife.js  the same as a classic script (CMS)
//   --mode elements dist/elements/<tag>.js      one ES module per element for a CDN page that
//                                 shows a few: each loads only its own code and the chunks
//                                 it shares with the others (Lit, d3, the platform), once
//   --mode autoloader dist/retention-kit.autoloader.js  a classic script that imports from
//                                 elements/ the modules of the tags it finds on the page
//   --mode worker   dist/retention-kit.worker.js  the metrics worker: the engine's core, and
//                                 dist/engine/chunks/*.js, one per job module, loaded on first use
//   --mode translation-<lang>  dist/translations/<lang>.js  one opt-in language
//                                 (src/translations/<lang>.ts), self-contained IIFE: the same
//                                 file works as <script src>, <script type="module" src> and
//                                 `import 'retention-kit/translations/<lang>'` in a bundler
//
// The CDN builds share one worker, dist/retention-kit.worker.js, with its job chunks in
// dist/engine/chunks/: the two bundles load it from beside themselves, the per-element modules
// from the folder above (src/bundle/worker-url.ts). The package's dist/engine/worker.js is a
// self-contained copy (mode package-worker) that the platform starts with
// `new URL('../../engine/worker.js', import.meta.url)`, a pattern app bundlers recognise.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { STYLE_MODULE, minifyCssLiterals } from './scripts/minify-css-literals.mjs';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const src = resolve(repoRoot, 'src');
const outDir = resolve(repoRoot, 'dist');
const packageJson = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };

/** Element folders: src/components/<tag>/define.ts that registers a tag (the platform's define.ts does not). */
export function elementTags(): string[] {
  const components = resolve(src, 'components');
  return readdirSync(components, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((tag) => {
      const file = resolve(components, tag, 'define.ts');
      return existsSync(file) && /\bdefineElement\(\s*['"]/.test(readFileSync(file, 'utf8'));
    })
    .sort();
}

/** The package's entry points (besides these, every source module is emitted as its own file). */
function packageEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: resolve(src, 'index.ts'),
    'metrics/index': resolve(src, 'metrics/index.ts'),
    'sql/index': resolve(src, 'sql/index.ts'),
    'components/platform/index': resolve(src, 'components/platform/index.ts'),
  };
  for (const tag of elementTags()) entries[`components/${tag}/define`] = resolve(src, 'components', tag, 'define.ts');
  return entries;
}

const dependencies = Object.keys(packageJson.dependencies ?? {});
const isDependency = (id: string) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/** The exact expression engine-workers.ts starts its worker with (twice: through the Trusted Types policy, and as the literal bundlers recognise). */
const WORKER_URL = /new\s+URL\(\s*(['"])\.\.\/\.\.\/engine\/worker\.ts\1\s*,\s*import\.meta\.url\s*\)/g;
/** And the import that loads the same module into the page where no worker starts. */
const ENGINE_IMPORT = /import\(\s*(['"])\.\.\/\.\.\/engine\/worker\.ts\1\s*\)/;
const PACKAGE_WORKER_PLACEHOLDER = '__RETENTION_KIT_METRICS_WORKER__';

/**
 * Points the platform's worker URL at the self-contained worker file of each
 * build. Vite's own worker handling is not used: it writes `'' + import.meta.url`,
 * which app bundlers no longer recognise as a worker, and a worker that imports
 * shared chunks.
 */
function metricsWorkerUrl(kind: 'package' | 'bundle'): Plugin {
  // engine-workers.ts starts the worker (WORKER_URL); compute.ts imports the same module into the page (ENGINE_IMPORT).
  const rewrites = [
    { file: 'engine-workers.ts', pattern: WORKER_URL, what: "starts its worker with new URL('../../engine/worker.ts', import.meta.url)", packaged: `new URL(${PACKAGE_WORKER_PLACEHOLDER}, import.meta.url)`, bundled: 'bundledWorkerUrl()', helper: 'bundledWorkerUrl' },
    { file: 'compute.ts', pattern: ENGINE_IMPORT, what: "imports '../../engine/worker.ts' for the page", packaged: `import(/* @vite-ignore */ ${PACKAGE_WORKER_PLACEHOLDER})`, bundled: 'import(/* @vite-ignore */ bundledEngineUrl())', helper: 'bundledEngineUrl' },
  ];
  const replaced = new Set<string>();
  return {
    name: 'retention-kit-worker-url',
    enforce: 'pre',
    transform(code, id) {
      const path = id.replace(/\\/g, '/');
      const rewrite = rewrites.find((each) => path.endsWith(`/src/components/platform/${each.file}`));
      if (!rewrite) return null;
      if (!code.match(rewrite.pattern)) this.error(`${rewrite.file} no longer ${rewrite.what}: update vite.lib.config.ts`);
      replaced.add(rewrite.file);
      // A free name survives bundling untouched; renderChunk turns it back into '../../engine/worker.js'.
      // The page's import then names the self-contained worker file too, so the
      // metrics code exists once in the package (app bundlers make it one lazy chunk).
      if (kind === 'package') return { code: code.replace(rewrite.pattern, rewrite.packaged), map: null };
      const helper = JSON.stringify(resolve(src, 'bundle/worker-url.ts'));
      return { code: `import { ${rewrite.helper} } from ${helper};\n${code.replace(rewrite.pattern, rewrite.bundled)}`, map: null };
    },
    renderChunk(code) {
      if (kind !== 'package' || !code.includes(PACKAGE_WORKER_PLACEHOLDER)) return null;
      // The @vite-ignore only quiets this build: an app's bundler must see the import, to
      // bundle the engine as a lazy chunk (left alone, it would load from the page's folder).
      const visible = code.replace(new RegExp(`/\\*\\s*@vite-ignore\\s*\\*/\\s*(?=${PACKAGE_WORKER_PLACEHOLDER})`, 'g'), '');
      return { code: visible.split(PACKAGE_WORKER_PLACEHOLDER).join(JSON.stringify('../../engine/worker.js')), map: null };
    },
    buildEnd(error) {
      const missing = rewrites.filter((each) => !replaced.has(each.file)).map((each) => each.file);
      if (!error && missing.length) this.error(`${missing.join(' and ')} not part of the build: the worker URL was not rewritten`);
    },
  };
}

/** Lit's css`…` literals ship without comments and indentation (scripts/minify-css-literals.mjs). */
function minifiedStyles(): Plugin {
  return {
    name: 'retention-kit-minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      return STYLE_MODULE.test(id.split('?')[0]) ? { code: minifyCssLiterals(code) as string, map: null } : null;
    },
  };
}

const shared: UserConfig = {
  root: repoRoot,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // KIT_VERSION (platform/define.ts) is package.json's version, written in at build time.
  define: { __RETENTION_KIT_VERSION__: JSON.stringify(packageJson.version) },
  // Same transforms as the demo and the tests: legacy decorators, no define semantics for fields.
  build: { outDir, emptyOutDir: false, target: 'es2022', sourcemap: false, reportCompressedSize: false },
};

function packageConfig(): UserConfig {
  return {
    ...shared,
    plugins: [metricsWorkerUrl('package'), minifiedStyles()],
    build: {
      ...shared.build,
      minify: false,
      lib: { entry: packageEntries(), formats: ['es'] },
      rolldownOptions: {
        external: isDependency,
        output: {
          preserveModules: true,
          preserveModulesRoot: src,
          // Helpers of the compiler (decorators) land in _virtual/ under a short name.
          entryFileNames: (chunk) => (chunk.name.startsWith('_virtual/') ? `_virtual/${chunk.name.split('/').pop()}.js` : '[name].js'),
        },
      },
    },
  };
}

/** Where the bundles' platform finds the worker file, relative to the module it is in (src/bundle/worker-url.ts). */
function workerFileDefine(path: string): Record<string, string> {
  return { ...shared.define, __RETENTION_KIT_WORKER_FILE__: JSON.stringify(path) };
}

function bundleConfig(format: 'es' | 'iife'): UserConfig {
  return {
    ...shared,
    define: workerFileDefine('./retention-kit.worker.js'),
    plugins: [metricsWorkerUrl('bundle'), minifiedStyles()],
    build: {
      ...shared.build,
      minify: true,
      lib: {
        entry: resolve(src, 'index.ts'),
        formats: [format],
        name: 'RetentionKit',
        fileName: () => (format === 'es' ? 'retention-kit.js' : 'retention-kit.iife.js'),
      },
      rolldownOptions: {
        // Vite keeps whitespace in ES libraries; a file loaded as is from a CDN wants it gone.
        output: { codeSplitting: false, minify: true },
        // The IIFE has no import.meta: worker-url.ts reads document.currentScript first.
        transform: format === 'iife' ? { define: { 'import.meta.url': 'undefined' } } : {},
      },
    },
  };
}

/**
 * dist/elements/<tag>.js: an entry per element, and the code two or more share in chunks
 * beside them, all in one folder (so the worker, one folder up, is found from any of them).
 * A CDN page that shows a gauge downloads the platform and the gauge, not the other twelve.
 */
function elementsConfig(): UserConfig {
  const entries = Object.fromEntries(elementTags().map((tag) => [tag, resolve(src, 'components', tag, 'define.ts')]));
  return {
    ...shared,
    define: workerFileDefine('../retention-kit.worker.js'),
    plugins: [metricsWorkerUrl('bundle'), minifiedStyles()],
    build: {
      ...shared.build,
      minify: true,
      lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `elements/${name}.js` },
      rolldownOptions: { output: { minify: true, chunkFileNames: 'elements/shared-[hash].js' } },
    },
  };
}

/** dist/retention-kit.autoloader.js (src/bundle/autoloader.ts): a small classic script, the tag list written in. */
function autoloaderConfig(): UserConfig {
  return {
    ...shared,
    define: { __RETENTION_KIT_ELEMENT_TAGS__: JSON.stringify(elementTags()) },
    build: {
      ...shared.build,
      minify: true,
      lib: { entry: resolve(src, 'bundle/autoloader.ts'), formats: ['iife'], name: 'RetentionKitAutoloader', fileName: () => 'retention-kit.autoloader.js' },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  };
}

function workerConfig(kind: 'bundles' | 'package'): UserConfig {
  // The bundles' worker (beside retention-kit.js on a CDN): each job module a chunk of its
  // own, loaded on the job's first run (src/engine/registry.ts).
  const chunked = { minify: true, chunkFileNames: 'engine/chunks/[name]-[hash].js', codeSplitting: { groups: [{ name: 'shared', minShareCount: 3 }] } };
  return {
    ...shared,
    build: {
      ...shared.build,
      minify: true,
      lib: {
        entry: resolve(src, 'engine/worker.ts'),
        formats: ['es'],
        fileName: () => (kind === 'bundles' ? 'retention-kit.worker.js' : 'engine/worker.js'),
      },
      // The package's worker, dist/engine/worker.js, is one self-contained file: an app's bundler
      // copies the file a `new URL(…, import.meta.url)` names as it is (or inlines a small one
      // as a data: URL), so relative imports from it would point at files the app never emits.
      rolldownOptions: { output: kind === 'bundles' ? chunked : { minify: true, codeSplitting: false } },
    },
  };
}

/** The opt-in languages: src/translations/<lang>.ts (English is built into the elements). */
export function translationLanguages(): string[] {
  return readdirSync(resolve(src, 'translations'))
    .filter((name) => /^[a-z]{2,3}(-[a-z0-9]+)*\.ts$/i.test(name))
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();
}

/**
 * One language as one self-contained classic script. It carries its own copy of
 * the small registry module, which keeps its state on globalThis, so it reaches
 * the kit however the kit was loaded (and in whichever order).
 */
function translationConfig(lang: string): UserConfig {
  if (!translationLanguages().includes(lang)) throw new Error(`vite.lib.config.ts: no src/translations/${lang}.ts`);
  return {
    ...shared,
    build: {
      ...shared.build,
      minify: true,
      lib: {
        entry: resolve(src, 'translations', `${lang}.ts`),
        formats: ['iife'],
        // No exports, so no global name: the file only registers its terms.
        name: `RetentionKitTranslation_${lang.replace(/\W/g, '_')}`,
        fileName: () => `translations/${lang}.js`,
      },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode.startsWith('translation-')) return translationConfig(mode.slice('translation-'.length));
  switch (mode) {
    case 'bundle':
      return bundleConfig('es');
    case 'iife':
      return bundleConfig('iife');
    case 'elements':
      return elementsConfig();
    case 'autoloader':
      return autoloaderConfig();
    case 'worker':
      return workerConfig('bundles');
    case 'package-worker':
      return workerConfig('package');
    case 'package':
    case 'production':
      return packageConfig();
    default:
      throw new Error(`vite.lib.config.ts: unknown mode ${mode} (package, bundle, iife, elements, autoloader, worker, package-worker or translation-<lang>)`);
  }
});

