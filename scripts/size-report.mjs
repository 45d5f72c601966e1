#!/usr/bin/env node
// `npm run size [-- --json]`: what a page downloads, gzip and brotli (node:zlib, best
// compression). Every figure is an esbuild bundle from the source (minified ES2022,
// Lit, d3-* and zod/mini included), so figures compare across entries:
//   - the whole kit (src/index.ts: every element);
//   - the platform with the three flagship elements (retention-gauge, churn-trend,
//     cohort-heatmap), as a page showing those three loads them;
//   - each element's define.ts alone (platform, Lit, d3, zod included);
//   - the metrics engine (the worker file, also imported into the page where no
//     worker starts): loaded lazily, once, by the first element that computes. Its
//     core loads each job module on first use (src/engine/registry.ts), so it is
//     measured as the built worker is split (esbuild splitting): the core, every job's
//     path (core + the chunks that job reaches: what a page with that one element
//     downloads) and all files together (a page with every element); the largest
//     path is held to `engineGzip`;
//   - each opt-in language, src/translations/<lang>.ts (dist/translations/<lang>.js;
//     no budget: a page loads only the languages it shows).
// The built files in dist/ are listed too when present (`npm run build`).
// Budgets: size-budget.json (gzip bytes). Exits 1 when one is exceeded, and then says
// which modules weigh most in that bundle (esbuild metafile).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { STYLE_MODULE, minifyCssLiterals } from './minify-css-literals.mjs';
import { moduleGraph, relativeImports } from './module-imports.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const budget = JSON.parse(readFileSync(join(repoRoot, 'size-budget.json'), 'utf8'));
const FLAGSHIP = ['retention-gauge', 'churn-trend', 'cohort-heatmap'];

function elementTags() {
  const components = join(repoRoot, 'src/components');
  return readdirSync(components)
    .filter((tag) => {
      const define = join(components, tag, 'define.ts');
      return existsSync(define) && /\bdefineElement\(\s*['"]/.test(readFileSync(define, 'utf8'));
    })
    .sort();
}

/**
 * esbuild has no `import.meta.glob`; src/index.ts registers every element with
 * an eager one. This expands it the way Vite does, for that one pattern.
 */
const globPlugin = {
  name: 'import-meta-glob',
  setup(build) {
    build.onLoad({ filter: /src[\\/]index\.ts$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const pattern = /import\.meta\.glob\(\s*'\.\/components\/\*\/define\.ts'\s*,\s*\{\s*eager:\s*true\s*\}\s*\);?/;
      if (!pattern.test(code)) throw new Error('src/index.ts no longer globs ./components/*/define.ts: update scripts/size-report.mjs');
      const imports = readdirSync(join(repoRoot, 'src/components'))
        .filter((dir) => existsSync(join(repoRoot, 'src/components', dir, 'define.ts')))
        .map((dir) => `import './components/${dir}/define.ts';`)
        .join('\n');
      return { contents: code.replace(pattern, imports), loader: 'ts' };
    });
  },
};

/**
 * compute.ts loads the metrics engine into the page with `import('../../engine/worker.ts')`
 * where no worker starts; like the worker, that is a separate lazy file (the built
 * bundles name retention-kit.worker.js there), measured on its own line, not
 * inlined into every element.
 */
const lazyEnginePlugin = {
  name: 'lazy-metrics-engine',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/engine\/worker\.ts$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
    // Likewise the platform's code loaded on first use (LAZY_PLATFORM below has its own line).
    build.onResolve({ filter: /^\.\/export-picture\.ts$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/** Platform modules an element imports only on first use, measured on their own. */
const LAZY_PLATFORM = [{ label: 'export picture (lazy: first SVG or PNG)', file: 'src/components/platform/export-picture.ts' }];

/** The CSS of the styles modules as the library build ships it (minified literals). */
const minifiedStylesPlugin = {
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: STYLE_MODULE }, (args) => ({ contents: minifyCssLiterals(readFileSync(args.path, 'utf8')), loader: 'ts' }));
  },
};

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Which package or source folder a module belongs to, for the breakdown. */
function groupOf(path) {
  const modulePackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (modulePackage) {
    const name = modulePackage[1];
    return name.startsWith('@lit/') || name.startsWith('lit') ? 'lit' : name.startsWith('zod') ? 'zod' : name;
  }
  if (/translations/.test(path)) return 'translations';
  // An element's folder, metrics/<folder> (read, calendar, ltv) or metrics, engine/jobs or engine.
  const source = /src\/(components\/[^/]+|metrics(?:\/[^/]+(?=\/))?|engine(?:\/jobs)?)\//.exec(path);
  return source ? source[1] : path;
}

async function measure(label, imports, { reexport = false } = {}) {
  // A lazy module is measured by what it exports (imported for its side effects, it would shake away).
  const statement = (file) => (reexport ? `export * from ${JSON.stringify(`./${file}`)};` : `import ${JSON.stringify(`./${file}`)};`);
  const result = await esbuild.build({
    stdin: { contents: imports.map(statement).join('\n'), resolveDir: repoRoot, loader: 'ts', sourcefile: `${label}.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    tsconfig: join(repoRoot, 'tsconfig.json'),
    plugins: [globPlugin, lazyEnginePlugin, minifiedStylesPlugin],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const groups = new Map();
  const modules = [];
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (!bytesInOutput) continue;
    groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytesInOutput);
    modules.push({ path, bytes: bytesInOutput });
  }
  const byBytes = (a, b) => b.bytes - a.bytes;
  return {
    label,
    ...compressed(result.outputFiles[0].contents),
    groups: [...groups].map(([name, bytes]) => ({ name, bytes })).sort(byBytes),
    topModules: modules.sort(byBytes).slice(0, 12),
  };
}

/**
 * The engine as a page downloads it: its core (the worker entry and what it
 * imports statically), then one job's dynamic import and what that reaches.
 * Files are compressed one by one, as they are served.
 */
async function measureEngine() {
  const result = await esbuild.build({
    entryPoints: { worker: join(repoRoot, 'src/engine/worker.ts') },
    bundle: true,
    splitting: true,
    outdir: join(repoRoot, '.size-report-engine'),
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    tsconfig: join(repoRoot, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const sizes = new Map(result.outputFiles.map((file) => [relative(repoRoot, file.path), compressed(file.contents)]));
  const reach = (file, kinds, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const { path, kind } of outputs[file].imports) if (kinds.includes(kind) && outputs[path]) reach(path, ['import-statement'], seen);
    return seen;
  };
  const total = (files) => [...files].reduce((sum, file) => ({ raw: sum.raw + sizes.get(file).raw, gzip: sum.gzip + sizes.get(file).gzip, brotli: sum.brotli + sizes.get(file).brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint?.endsWith('src/engine/worker.ts'));
  const core = reach(entry, ['import-statement']);
  const jobs = outputs[entry].imports
    .filter((each) => each.kind === 'dynamic-import' && outputs[each.path])
    .map((each) => {
      const files = new Set([...core, ...reach(each.path, ['import-statement'])]);
      const job = (outputs[each.path].entryPoint ?? each.path).replace(/^.*\/jobs\//, '').replace(/\.ts$/, '');
      return { label: job, ...total(files) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return { label: 'metrics engine', core: { label: 'core', ...total(core) }, jobs, all: { label: 'all files', files: sizes.size, ...total(Object.keys(outputs)) }, largest: jobs[0] };
}

const tags = elementTags();
const lazyPlatform = [];
for (const { label, file } of LAZY_PLATFORM) lazyPlatform.push(await measure(label, [file], { reexport: true }));
const kit = await measure('whole kit', ['src/index.ts']);
const flagship = await measure('platform + flagship three', FLAGSHIP.map((tag) => `src/components/${tag}/define.ts`));
const elements = [];
for (const tag of tags) elements.push(await measure(tag, [`src/components/${tag}/define.ts`]));
const worker = await measureEngine();
const languages = readdirSync(join(repoRoot, 'src/translations'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3))
  .sort();
const translations = [];
for (const lang of languages) translations.push(await measure(`translations ${lang} (opt-in)`, [`src/translations/${lang}.ts`]));

const built = ['retention-kit.js', 'retention-kit.iife.js']
  .map((name) => join(repoRoot, 'dist', name))
  .filter((file) => existsSync(file))
  .map((file) => ({ file: relative(repoRoot, file), ...compressed(readFileSync(file)) }));
const builtEngine = builtEngineSizes();
const builtElements = builtElementPages();

/** Gzip, brotli and raw bytes of several files, each compressed on its own (as a server sends them). */
function sizeOfFiles(files) {
  return files.reduce((sum, file) => {
    const size = compressed(readFileSync(file));
    return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli };
  }, { raw: 0, gzip: 0, brotli: 0 });
}

/**
 * The per-element modules (dist/elements/): what a CDN page that shows one element, or the
 * three flagship ones, downloads (the entries and the chunks they import), beside the
 * single-file bundle every element is in.
 */
function builtElementPages() {
  const dir = join(repoRoot, 'dist/elements');
  if (!existsSync(dir)) return null;
  const pageOf = (tags) => sizeOfFiles([...new Set(tags.flatMap((tag) => moduleGraph(join(dir, `${tag}.js`), { staticOnly: true })))]);
  const pages = elementTags().map((tag) => ({ tag, ...pageOf([tag]) })).sort((a, b) => a.gzip - b.gzip);
  return {
    autoloader: existsSync(join(repoRoot, 'dist/retention-kit.autoloader.js')) ? { file: '  + the autoloader, if used', ...compressed(readFileSync(join(repoRoot, 'dist/retention-kit.autoloader.js'))) } : null,
    smallest: { file: `  one element: <${pages[0].tag}>`, ...pages[0] },
    gauge: { file: '  one element: <retention-gauge>', ...pageOf(['retention-gauge']) },
    largest: { file: `  one element: <${pages.at(-1).tag}>`, ...pages.at(-1) },
    flagship: { file: '  the flagship three', ...pageOf(FLAGSHIP) },
  };
}

/** The built worker (dist/retention-kit.worker.js and its chunks): its core and its largest job path. */
function builtEngineSizes() {
  const entry = join(repoRoot, 'dist/retention-kit.worker.js');
  if (!existsSync(entry)) return null;
  const core = moduleGraph(entry, { staticOnly: true });
  const paths = relativeImports(entry).dynamic.map((chunk) => ({ chunk, ...sizeOfFiles([...new Set([...core, ...moduleGraph(chunk, { staticOnly: true })])]) }));
  const largest = paths.sort((a, b) => b.gzip - a.gzip)[0];
  const chunkName = (file) => relative(join(repoRoot, 'dist/engine/chunks'), file).replace(/-[\w-]{8}\.js$/, '');
  return { core: { file: 'dist/…worker.js, core', ...sizeOfFiles(core) }, largest: largest && { file: `  with ${chunkName(largest.chunk)} (largest)`, ...largest } };
}

const checks = [
  { name: 'whole kit', limit: budget.wholeKitGzip, measured: kit },
  { name: 'platform + flagship three', limit: budget.flagshipWithPlatformGzip, measured: flagship },
  ...elements.map((measured) => ({ name: `<${measured.label}> alone`, limit: budget.elementGzip, measured })),
  ...(budget.engineGzip ? [{ name: `metrics engine for <${worker.largest.label}> (the largest job path)`, limit: budget.engineGzip, measured: worker.largest }] : []),
  // The shipped single files are held to the whole-kit budget too.
  ...(budget.engineGzip && builtEngine?.largest ? [{ name: `built engine path ${builtEngine.largest.file.trim()}`, limit: budget.engineGzip, measured: { label: 'built engine', ...builtEngine.largest } }] : []),
  ...built.map((file) => ({ name: file.file, limit: budget.wholeKitGzip, measured: { label: file.file, ...file } })),
];
const failures = checks.filter((check) => check.measured.gzip > check.limit);

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
if (json) {
  const strip = ({ label, raw, gzip, brotli }) => ({ label, raw, gzip, brotli });
  const report = {
    budget,
    wholeKit: { ...strip(kit), groups: kit.groups, topModules: kit.topModules },
    flagshipWithPlatform: strip(flagship),
    elements: elements.map(strip),
    lazyPlatform: lazyPlatform.map(strip),
    engine: { core: strip(worker.core), jobs: worker.jobs.map(strip), all: { ...strip(worker.all), files: worker.all.files } },
    translations: translations.map(strip),
    built,
    builtEngine,
    builtElements,
    failures: failures.map(({ name, limit, measured }) => ({ name, limit, gzip: measured.gzip, groups: measured.groups, topModules: measured.topModules })),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const row = (label, size, limit) =>
    `${label.padEnd(32)} ${kB(size.raw).padStart(9)} ${kB(size.gzip).padStart(9)} ${kB(size.brotli).padStart(9)}${limit ? `   budget ${kB(limit)}${size.gzip > limit ? '  OVER' : ''}` : ''}`;
  const lines = [`${'bundle (esbuild, minified)'.padEnd(32)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`];
  lines.push(row('whole kit', kit, budget.wholeKitGzip));
  lines.push(row('platform + flagship three', flagship, budget.flagshipWithPlatformGzip));
  for (const element of elements) lines.push(row(`<${element.label}>`, element, budget.elementGzip));
  for (const lazy of lazyPlatform) lines.push(row(lazy.label, lazy));
  lines.push(row('metrics engine core (lazy)', worker.core));
  for (const job of worker.jobs) lines.push(row(`  with the <${job.label}> job`, job, job === worker.largest ? budget.engineGzip : undefined));
  lines.push(row(`  all ${worker.all.files} engine files`, worker.all));
  for (const language of translations) lines.push(row(language.label, language));
  if (built.length) {
    lines.push('', 'built files (npm run build)');
    for (const file of built) lines.push(row(file.file, file, budget.wholeKitGzip));
    if (builtEngine) lines.push(row(builtEngine.core.file, builtEngine.core), ...(builtEngine.largest ? [row(builtEngine.largest.file, builtEngine.largest, budget.engineGzip)] : []));
    if (builtElements) {
      lines.push('dist/elements/, a CDN page with');
      for (const page of [builtElements.smallest, builtElements.gauge, builtElements.largest, builtElements.flagship, builtElements.autoloader]) if (page) lines.push(row(page.file, page));
    }
  }
  for (const { name, limit, measured } of failures) {
    if (!measured.groups) continue;
    lines.push('', `${name}: ${kB(measured.gzip)} gzip, budget ${kB(limit)}. Minified bytes by origin (share of the bundle):`);
    for (const group of measured.groups.slice(0, 10)) lines.push(`  ${kB(group.bytes).padStart(9)}  ${String(Math.round((100 * group.bytes) / measured.raw)).padStart(3)} %  ${group.name}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (failures.length) {
  process.stderr.write(`size budget exceeded: ${failures.map((f) => `${f.name} ${kB(f.measured.gzip)} > ${kB(f.limit)}`).join('; ')}\n`);
  process.exit(1);
}
