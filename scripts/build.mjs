#!/usr/bin/env node
// `npm run build`: the npm package, the two single-file bundles, the worker and the
// type declarations, all into dist/ (see vite.lib.config.ts for what each mode makes),
// then checks of the output that a broken build would otherwise ship silently.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { moduleGraph } from './module-imports.mjs';
import { analyze } from './manifest.mjs';
import { writeFrameworkTypings } from './framework-typings.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repoRoot, 'dist');
const configFile = join(repoRoot, 'vite.lib.config.ts');

function step(label) {
  process.stdout.write(`build: ${label}\n`);
}

rmSync(dist, { recursive: true, force: true });

for (const mode of ['package', 'worker', 'package-worker', 'bundle', 'iife', 'elements', 'autoloader']) {
  step(`vite --mode ${mode}`);
  await build({ configFile, mode, logLevel: 'warn' });
}

await buildTranslations();

// The package's engine-workers.js starts '../../engine/worker.js' (mode package-worker): one
// self-contained file, since an app's bundler copies it as it is; the bundles' worker loads its
// job chunks from engine/chunks/ beside it.

step('type declarations (tsconfig.build.json)');
execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], { stdio: 'inherit' });
rewriteDeclarationSpecifiers(join(dist, 'types'));
addTagMapsToIndexTypes();

// retention-kit/react and retention-kit/vue: JSX and GlobalComponents typings from a fresh
// manifest of the sources just built (types only; their modules are empty).
step('framework typings (scripts/framework-typings.mjs)');
writeFrameworkTypings(analyze(), join(dist, 'types/frameworks'));
mkdirSync(join(dist, 'frameworks'), { recursive: true });
for (const name of ['react', 'vue']) writeFileSync(join(dist, `frameworks/${name}.js`), `// Types only: see types/frameworks/${name}.d.ts.\nexport {};\n`);

step('checks');
checkOutput();
step('done');

/**
 * dist/translations/<lang>.js for every opt-in language (src/translations/<lang>.ts):
 * one self-contained IIFE each (vite.lib.config.ts, mode translation-<lang>). The
 * package's `retention-kit/translations/*` export points at these same files: an
 * IIFE without exports is also a valid ES module, so one file serves bundlers,
 * `<script type="module">` and classic `<script>` alike.
 */
async function buildTranslations() {
  const languages = readdirSync(join(repoRoot, 'src/translations'))
    .filter((name) => /^[a-z]{2,3}(-[a-z0-9]+)*\.ts$/i.test(name))
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();
  for (const lang of languages) {
    step(`vite --mode translation-${lang}`);
    await build({ configFile, mode: `translation-${lang}`, logLevel: 'warn' });
    const file = join(dist, 'translations', `${lang}.js`);
    const code = existsSync(file) ? readFileSync(file, 'utf8').replace(/`[^`]*`/g, '') : '';
    if (!code) throw new Error(`build: dist/translations/${lang}.js was not emitted`);
    if (/\bimport\s*[{*'"(]|\bfrom\s*['"]|\bexport\s*[{*]|\bexport\s+default\b/.test(code)) throw new Error(`build: dist/translations/${lang}.js imports or exports; it must be a self-contained script`);
  }
}

/** All files under dir, recursively. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * tsc keeps the `.ts` of relative imports in declarations; the package ships `.d.ts`
 * beside `.js`, so consumers resolve `./x.js`.
 */
function rewriteDeclarationSpecifiers(dir) {
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
}

/**
 * `import 'retention-kit'` registers every element, found by pattern at build time;
 * its types get every element's HTMLElementTagNameMap entry the same way.
 */
function addTagMapsToIndexTypes() {
  const indexTypes = join(dist, 'types/index.d.ts');
  const references = elementTags().map((tag) => `/// <reference path="./components/${tag}/define.d.ts" />`);
  writeFileSync(indexTypes, `${references.join('\n')}\n${readFileSync(indexTypes, 'utf8')}`);
}

function elementTags() {
  const components = join(repoRoot, 'src/components');
  return readdirSync(components)
    .filter((tag) => {
      const define = join(components, tag, 'define.ts');
      return existsSync(define) && /\bdefineElement\(\s*['"]/.test(readFileSync(define, 'utf8'));
    })
    .sort();
}

/** Code without its comments (the package keeps JSDoc, which may say "document" in prose). */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function checkOutput() {
  const problems = [];
  const expect = (condition, message) => {
    if (!condition) problems.push(message);
  };

  // The version is package.json's, written in by the build (vite.lib.config.ts `define`).
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const defineModule = readFileSync(join(dist, 'components/platform/define.js'), 'utf8');
  expect(defineModule.includes(JSON.stringify(version)) && !defineModule.includes('__RETENTION_KIT_VERSION__'), `dist/components/platform/define.js does not carry version ${version}`);

  expect(existsSync(join(dist, 'retention-kit.autoloader.js')), 'dist/retention-kit.autoloader.js is missing');
  for (const tag of elementTags()) {
    expect(existsSync(join(dist, `components/${tag}/define.js`)), `dist/components/${tag}/define.js is missing`);
    expect(existsSync(join(dist, `elements/${tag}.js`)), `dist/elements/${tag}.js is missing`);
    expect(existsSync(join(dist, `types/components/${tag}/define.d.ts`)), `dist/types/components/${tag}/define.d.ts is missing`);
  }

  // retention-kit/metrics runs in a worker and in Node: nothing of the DOM may reach it.
  const domUse = { customElements: /\bcustomElements\b/, document: /\bdocument\s*\./, HTMLElement: /\bHTMLElement\b/, lit: /from\s*['"]lit(?:\/|['"])/ };
  for (const file of moduleGraph(join(dist, 'metrics/index.js'))) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const [name, pattern] of Object.entries(domUse)) {
      expect(!pattern.test(code), `${relative(repoRoot, file)} (reached from retention-kit/metrics) uses ${name}`);
    }
  }

  // And it loads where there is no DOM at all (Node): a top-level DOM access would throw here.
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(join(dist, 'metrics/index.js'))}); if (typeof m.readTransactions !== 'function') process.exit(3);`], { stdio: 'pipe' });
  } catch (error) {
    expect(false, `retention-kit/metrics does not load in Node: ${String(error.stderr ?? error.message).trim().split('\n')[0]}`);
  }

  // The platform's worker, as app bundlers recognise it, with the file beside it.
  // What an app's bundler copies for the package's worker must not import anything.
  const packageWorker = readFileSync(join(dist, 'engine/worker.js'), 'utf8').replace(/`[^`]*`/g, '');
  expect(!/(?:^|[;\s}])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]/m.test(packageWorker) && !/\bimport\(\s*['"]/.test(packageWorker), 'dist/engine/worker.js imports other files; it must be self-contained');
  expect(!readFileSync(join(dist, 'components/platform/compute.js'), 'utf8').includes('@vite-ignore'), 'compute.js hides its engine import from app bundlers (@vite-ignore)');
  const workers = readFileSync(join(dist, 'components/platform/engine-workers.js'), 'utf8');
  expect(workers.includes('new Worker(new URL("../../engine/worker.js", import.meta.url)'), 'engine-workers.js does not start ../../engine/worker.js');
  const compute = readFileSync(join(dist, 'components/platform/compute.js'), 'utf8');
  // Where no worker starts, the page imports that same file: the metrics code exists once.
  expect(/import\(\s*(?:\/\*[^*]*\*\/\s*)?"\.\.\/\.\.\/engine\/worker\.js"\s*\)/.test(compute), 'compute.js does not import ../../engine/worker.js for the page');
  for (const bundle of ['retention-kit.js', 'retention-kit.iife.js']) {
    const text = readFileSync(join(dist, bundle), 'utf8');
    expect(text.includes('./retention-kit.worker.js'), `${bundle} does not name ./retention-kit.worker.js`);
    // Zod validates every input, in the metrics engine: its type names survive minification.
    expect(!text.includes('$ZodType'), `${bundle} carries the metrics' schemas (Zod): they belong in retention-kit.worker.js only`);
    expect(!/\bimport\s*[{*'"]|\bfrom\s*['"]/.test(text.replace(/`[^`]*`/g, '')), `${bundle} still imports other modules`);
  }
  // The worker reaches nothing but its own job chunks (dist/engine/chunks/), and every one exists.
  const engineFiles = moduleGraph(join(dist, 'retention-kit.worker.js'));
  for (const file of engineFiles) {
    const code = readFileSync(file, 'utf8').replace(/`[^`]*`/g, '');
    expect(!/(?:^|[;\s}])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"](?!\.{1,2}\/)/m.test(code), `${relative(repoRoot, file)} imports a package; the worker must carry its code`);
    expect(file === join(dist, 'retention-kit.worker.js') || file.startsWith(join(dist, 'engine/chunks/')), `the worker reaches ${relative(repoRoot, file)}, outside dist/engine/chunks/`);
  }
  expect(engineFiles.length > 5, `the worker has ${engineFiles.length - 1} job chunks: registry.ts loads each job module on first use`);

  if (problems.length) {
    for (const problem of problems) process.stderr.write(`build check failed: ${problem}\n`);
    process.exit(1);
  }
}
