// What the package tests share: the kit packed as npm would publish it, and fresh apps that
// install that tarball from disk and their frameworks and tools from the npm registry.
//
// An app's dependencies are installed once into .cache/package-apps/<app>-<hash of its
// package.json>/ and kept between runs; each run installs the new tarball into it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const kitPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const cacheRoot = join(repoRoot, '.cache/package-apps');

/** npm, quietly, failing with its own words. */
export function npm(args, cwd, { timeout = 240_000 } = {}) {
  try {
    return execFileSync('npm', args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} (in ${cwd}) failed:\n${String(error.stderr || error.stdout || error.message).trim().slice(-3000)}`);
  }
}

/** A tool of an app (tsc, vite, vue-tsc) run with Node; returns its output, throws with it. */
export function run(cwd, bin, args, { timeout = 180_000 } = {}) {
  try {
    return execFileSync(process.execPath, [join(cwd, 'node_modules', bin), ...args], { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || error.message;
    throw Object.assign(new Error(`${bin} ${args.join(' ')} failed (in ${cwd}):\n${output.slice(-4000)}`), { output });
  }
}

let packed;
/**
 * The kit as `npm pack` makes it from the built dist/ (npm test builds first; the
 * package's prepack script, which builds, is skipped here). Packed once per process.
 */
export function packKit() {
  if (packed) return packed;
  if (!existsSync(join(repoRoot, 'dist/index.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  const destination = join(cacheRoot, 'tarball');
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const [report] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', destination], repoRoot));
  packed = { tarball: join(destination, report.filename), files: report.files.map((file) => file.path).sort(), report };
  return packed;
}

/** The dependency ranges the kit itself develops with, so the apps use the same majors. */
export const devRange = (name) => {
  const range = kitPackage.devDependencies?.[name];
  if (!range) throw new Error(`package.json has no devDependency ${name}`);
  return range;
};

/**
 * A fresh app in its cached folder: `files` (path → text) written over it, its
 * dependencies installed if its package.json changed, then the packed kit installed.
 * Returns the app's folder.
 */
export function freshApp(name, { dependencies, devDependencies, files }) {
  const manifest = { name: `${name}-proof`, private: true, type: 'module', version: '0.0.0', dependencies, devDependencies };
  const hash = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
  const dir = join(cacheRoot, `${name}-${hash}`);
  const ready = join(dir, '.installed');
  if (!existsSync(ready)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
    writeFileSync(ready, new Date().toISOString());
  }
  // The app's own sources, fresh each run (nothing left from a previous run's files).
  for (const sub of ['src', 'dist']) rmSync(join(dir, sub), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The kit from its tarball, as a user installs a downloaded package (--no-save keeps the
  // cached package.json); skipped when this very tarball is installed already (one run's test files).
  const { tarball } = packKit();
  const sha = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  const installedSha = join(dir, '.kit-sha256');
  if (!existsSync(installedSha) || readFileSync(installedSha, 'utf8') !== sha || !existsSync(join(dir, 'node_modules/retention-kit'))) {
    const local = join(dir, 'retention-kit.tgz');
    copyFileSync(tarball, local);
    npm(['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', local], dir);
    writeFileSync(installedSha, sha);
  }
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules/retention-kit/package.json'), 'utf8'));
  if (installed.version !== kitPackage.version) throw new Error(`${name}: installed retention-kit ${installed.version}, packed ${kitPackage.version}`);
  return dir;
}

/** A folder of fixtures (tests/package/<name>/) as path → text, for freshApp. */
export function fixtureFiles(folder) {
  const root = join(repoRoot, 'tests/package', folder);
  const out = {};
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      // App sources carry `.fixture` in the repository, so the kit's own type check leaves them alone.
      else out[`${prefix}${entry.name.replace(/\.fixture$/, '')}`] = readFileSync(path, 'utf8');
    }
  };
  walk(root, '');
  return out;
}

/** The first code block of a language under a README heading, so the README's examples are type-checked too. */
export function readmeExample(heading, language) {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split(new RegExp(`^#+ ${heading}$`, 'm'))[1];
  const block = section?.match(new RegExp(`^\`\`\`${language}\n([\\s\\S]*?)^\`\`\`$`, 'm'))?.[1];
  if (!block) throw new Error(`README.md has no \`\`\`${language} example under "${heading}"`);
  return block;
}

/** The React app of the proof (tests/package/react-app/); the package checks run in it too. */
export function reactApp() {
  return freshApp('react', {
    dependencies: { react: devRange('react'), 'react-dom': devRange('react-dom') },
    devDependencies: {
      '@types/react': devRange('@types/react'),
      '@types/react-dom': devRange('@types/react-dom'),
      '@vitejs/plugin-react': '^6.0.0',
      typescript: devRange('typescript'),
      vite: devRange('vite'),
    },
    files: { ...fixtureFiles('react-app'), 'src/ReadmeExample.tsx': readmeExample('React 19', 'tsx') },
  });
}

/** The Vue app of the proof (tests/package/vue-app/). */
export function vueApp() {
  return freshApp('vue', {
    dependencies: { vue: devRange('vue') },
    devDependencies: { '@vitejs/plugin-vue': '^6.0.0', typescript: devRange('typescript'), vite: devRange('vite'), 'vue-tsc': '^3.0.0' },
    files: { ...fixtureFiles('vue-app'), 'src/ReadmeExample.vue': readmeExample('Vue 3', 'vue') },
  });
}

/**
 * Opens a built app (its dist/, served over HTTP as a static host would) in headless Chromium
 * and hands the page to `check`; returns what the page logged as errors. The browser is the
 * system's (scripts/ensure-chromium.mjs), never a downloaded one.
 */
export async function openBuiltApp(dir, check) {
  const { createServer } = await import('node:http');
  const { extname } = await import('node:path');
  const { default: puppeteer } = await import('puppeteer-core');
  const { CHROMIUM_ARGS, findChromium } = await import('../../scripts/ensure-chromium.mjs');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const root = join(dir, 'dist');
  const server = createServer((request, response) => {
    const path = join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
    if (!path.startsWith(root) || !existsSync(path)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || findChromium() || '/usr/bin/chromium', headless: true, args: ['--headless=new', ...CHROMIUM_ARGS] });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    // A missing file is reported by its response, with its address (the console's line has none);
    // the browser's own favicon request is not the app's.
    page.on('console', (message) => message.type() === 'error' && !/^Failed to load resource/.test(message.text()) && errors.push(`console: ${message.text()}`));
    page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && errors.push(`HTTP ${response.status()}: ${response.url()}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    await page.setViewport({ width: 1024, height: 900 });
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await check(page);
  } finally {
    await browser.close();
    server.close();
  }
  return errors;
}
