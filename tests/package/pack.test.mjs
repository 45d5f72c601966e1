// The package as npm would publish it (#13): what `npm pack` puts in the tarball, and the
// tarball installed into an app (the React proof app, tests/package/react-app/): every
// `exports` entry resolves and loads in Node and in a bundler (Vite), its types resolve in
// TypeScript, the framework typings type-check on their own, and every function the README
// names is exported by the built package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { kitPackage, packKit, reactApp, repoRoot, run, vueApp } from './apps.mjs';

/** What may ship: the build, the command line, the manifest files and npm's own files. */
const ALLOWED = [/^dist\//, /^bin\/[\w./-]+\.m?js$/, /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|custom-elements\.json|vscode\.html-custom-data\.json)$/];
/** What must never ship. */
const FORBIDDEN = [/(^|\/)(tests?|demo|demo-dist|bench|src|node_modules|\.cache|scripts)\//, /\.test\.[cm]?[jt]s$/, /\.map$/, /(^|\/)\.[^/]+$/, /(?<!\.d)\.tsx?$/];

/** Each `exports` entry as the specifiers a user writes, patterns expanded over the packed files. */
function exportSpecifiers(packageJson, files) {
  const specifiers = [];
  for (const [key, target] of Object.entries(packageJson.exports)) {
    if (!key.includes('*')) {
      specifiers.push({ specifier: `retention-kit${key.slice(1)}`.replace(/\/$/, ''), key, target });
      continue;
    }
    const pattern = typeof target === 'string' ? target : target.default;
    const [prefix, suffix] = pattern.slice(2).split('*');
    const matches = files.filter((file) => file.startsWith(prefix) && file.endsWith(suffix)).map((file) => file.slice(prefix.length, file.length - suffix.length));
    // './*' would also match the platform's define.js; the platform has its own entry.
    for (const match of matches.filter((name) => !name.includes('/') && name !== 'platform')) specifiers.push({ specifier: `retention-kit${key.slice(1).replace('*', match)}`, key, target });
  }
  return specifiers;
}

/** Names the README says the package exports, with the entry it names. */
function readmeNames() {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const names = new Map();
  const add = (entry, name) => names.set(`${entry} ${name}`, { entry, name });
  // import { a, b } from 'retention-kit/metrics'  (code blocks and inline code)
  for (const match of readme.matchAll(/import\s*\{([^}]+)\}\s*from\s*'(retention-kit(?:\/[\w-]+)?)'/g)) {
    for (const part of match[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
      if (name && !part.trim().startsWith('type ')) add(match[2], name);
    }
  }
  // `name(…)` from `retention-kit/metrics`;  `name(…)` (exported by `retention-kit`
  for (const match of readme.matchAll(/`([A-Za-z_$][\w$]*)\([^`]*\)`[^`\n]{0,20}(?:from|exported by) `(retention-kit(?:\/[\w-]+)?)`/g)) add(match[2], match[1]);
  // The function column of the metric table (## Metric definitions): retention-kit/metrics.
  const section = readme.split(/^## Metric definitions$/m)[1]?.split(/^## /m)[0] ?? '';
  for (const row of section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| metric') && !line.startsWith('| ---'))) {
    const cell = row.split('|')[2] ?? '';
    for (const match of cell.matchAll(/`([A-Za-z_$][\w$]*)(?:\([^`]*\))?`/g)) add('retention-kit/metrics', match[1]);
  }
  return [...names.values()];
}

describe('npm pack', () => {
  let packed;
  before(() => {
    packed = packKit();
  });

  it('ships the build, the typings, the manifest, the README and the changelog', () => {
    for (const file of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'custom-elements.json',
      'vscode.html-custom-data.json',
      'dist/index.js',
      'dist/types/index.d.ts',
      'dist/metrics/index.js',
      'dist/types/metrics/index.d.ts',
      'dist/retention-kit.js',
      'dist/retention-kit.iife.js',
      'dist/elements/retention-gauge.js',
      'dist/retention-kit.autoloader.js',
      'dist/retention-kit.worker.js',
      'dist/engine/worker.js',
      'dist/frameworks/react.js',
      'dist/types/frameworks/react.d.ts',
      'dist/frameworks/vue.js',
      'dist/types/frameworks/vue.d.ts',
      'dist/types/frameworks/elements.d.ts',
    ]) {
      assert.ok(packed.files.includes(file), `${file} is not in the tarball`);
    }
  });

  it('ships nothing else: no sources, tests, demo, scripts, source maps or dot files', () => {
    const stray = packed.files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)) || FORBIDDEN.some((pattern) => pattern.test(file)));
    assert.deepEqual(stray, []);
  });

  it('carries the version of package.json in the code (KIT_VERSION), not a constant kept by hand', () => {
    const define = join(repoRoot, 'dist/components/platform/define.js');
    assert.ok(readFileSync(define, 'utf8').includes(JSON.stringify(kitPackage.version)), 'dist/components/platform/define.js does not carry the version');
  });
});

describe('the packed kit installed in an app', { timeout: 300_000 }, () => {
  let dir;
  let specifiers;
  const check = (name) => join(dir, 'exports-check', name);

  before(() => {
    dir = reactApp();
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules/retention-kit/package.json'), 'utf8'));
    specifiers = exportSpecifiers(installed, packKit().files);
    rmSync(join(dir, 'exports-check'), { recursive: true, force: true });
    mkdirSync(join(dir, 'exports-check'), { recursive: true });
  });

  it('has an export per element, per language and for each entry the README names', () => {
    const names = specifiers.map((entry) => entry.specifier);
    for (const name of ['retention-kit', 'retention-kit/metrics', 'retention-kit/react', 'retention-kit/vue', 'retention-kit/cohort-heatmap', 'retention-kit/kpi-tile', 'retention-kit/translations/nb']) {
      assert.ok(names.includes(name), `${name} is not exported`);
    }
    assert.ok(names.filter((name) => /^retention-kit\/[a-z]+-[a-z-]+$/.test(name)).length >= 13, 'fewer than 13 element entries');
  });

  it('resolves and loads every exports entry in Node', () => {
    // Element modules and the metrics are server-safe: importing them in Node registers nothing and throws nothing.
    // The two bundles are scripts for pages (CDN, CMS): resolved, not run.
    const program = `
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const entries = ${JSON.stringify(specifiers.map((entry) => entry.specifier))};
      const problems = [];
      for (const specifier of entries) {
        let url;
        try { url = import.meta.resolve(specifier); } catch (error) { problems.push(specifier + ': ' + error.message); continue; }
        if (!existsSync(fileURLToPath(url))) { problems.push(specifier + ' resolves to a missing file ' + url); continue; }
        if (/retention-kit(\\.iife)?\\.js$/.test(specifier)) continue;
        try {
          if (url.endsWith('.json')) await import(url, { with: { type: 'json' } });
          else await import(specifier);
        } catch (error) { problems.push(specifier + ' does not load: ' + (error?.message ?? error)); }
      }
      console.log(JSON.stringify(problems));
    `;
    writeFileSync(check('node.mjs'), program);
    const output = execFileSync(process.execPath, [check('node.mjs')], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output.trim().split('\n').at(-1)), []);
  });

  it('resolves every exports entry in a bundler (vite build)', () => {
    const imports = specifiers.map((entry, i) => (entry.specifier.endsWith('.json') ? `import json${i} from '${entry.specifier}';` : `import * as module${i} from '${entry.specifier}';`));
    const used = specifiers.map((entry, i) => (entry.specifier.endsWith('.json') ? `json${i}` : `module${i}`));
    writeFileSync(check('index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
    writeFileSync(check('main.js'), `${imports.join('\n')}\nconsole.log(${used.join(', ')});\n`);
    writeFileSync(check('vite.config.mjs'), `export default { root: ${JSON.stringify(check(''))}, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } };\n`);
    run(dir, 'vite/bin/vite.js', ['build', '--config', check('vite.config.mjs')]);
    assert.ok(existsSync(check('dist/index.html')));
  });

  for (const moduleResolution of ['bundler', 'node16']) {
    it(`resolves the types of every exports entry (TypeScript, moduleResolution ${moduleResolution})`, () => {
      const typed = specifiers.filter((entry) => typeof entry.target === 'object' && entry.target.types);
      assert.ok(typed.length >= 18, `only ${typed.length} typed entries`);
      const lines = typed.map((entry, i) => `import type * as types${i} from '${entry.specifier}';\nexport type T${i} = keyof typeof types${i};`);
      const folder = check(`types-${moduleResolution}`);
      mkdirSync(folder, { recursive: true });
      // .mts: an ES module under node16 whatever the app's package.json says.
      writeFileSync(join(folder, 'entries.mts'), `${lines.join('\n')}\n`);
      const module = moduleResolution === 'bundler' ? 'esnext' : 'node16';
      writeFileSync(
        join(folder, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module, moduleResolution, target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['entries.mts'] }),
      );
      run(dir, 'typescript/bin/tsc', ['-p', join(folder, 'tsconfig.json')]);
    });
  }

  it('type-checks its React typings on their own, without skipLibCheck', () => {
    strictTypings(dir, 'react');
  });

  it('type-checks its Vue typings on their own, without skipLibCheck', () => {
    strictTypings(vueApp(), 'vue');
  });

  it('exports every name the README lists, from the entry the README names', () => {
    const names = readmeNames();
    for (const expected of ['fitBgNbd', 'fitGammaGamma', 'predictLifetimeValue', 'forecastLifetimeValue', 'cohortMatrix', 'readTransactions', 'periodLabel', 'registerTranslation']) {
      assert.ok(names.some((entry) => entry.name === expected), `the README check no longer finds ${expected}: has the README's wording changed?`);
    }
    writeFileSync(
      check('readme.mjs'),
      `const names = ${JSON.stringify(names)};
       const missing = [];
       for (const { entry, name } of names) {
         const module = await import(entry);
         if (module[name] === undefined) missing.push(entry + ' ' + name);
       }
       console.log(JSON.stringify(missing));`,
    );
    const output = execFileSync(process.execPath, [check('readme.mjs')], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output.trim().split('\n').at(-1)), [], `of ${names.length} names the README lists`);
  });
});

/** tsc over one framework entry with skipLibCheck off: the generated .d.ts files themselves are checked. */
function strictTypings(dir, framework) {
  const folder = join(dir, 'exports-check', `strict-${framework}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'entry.ts'), `import type {} from 'retention-kit/${framework}';\nexport {};\n`);
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['entry.ts', `../../node_modules/retention-kit/dist/types/frameworks/${framework}.d.ts`],
    }),
  );
  run(dir, 'typescript/bin/tsc', ['-p', join(folder, 'tsconfig.json')]);
}
