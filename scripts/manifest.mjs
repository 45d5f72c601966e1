#!/usr/bin/env node
// `npm run manifest`: custom-elements.json (analyzer, custom-elements-manifest.config.mjs)
// and vscode.html-custom-data.json (VS Code HTML custom data, from the manifest).
// `npm run check:manifest`: generates both into a scratch folder and fails when the
// committed files differ (CI), so the manifest never drifts from the elements.
// Both modes list elements whose JSDoc lacks tags the manifest is built from.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const scratch = join(repoRoot, '.cache', `manifest-${process.pid}`);
// Run as `npm run manifest`, or imported (the build generates the framework typings from a fresh analysis).
const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const MANIFEST = 'custom-elements.json';
const EDITOR_DATA = 'vscode.html-custom-data.json';

/** custom-elements.json as the analyzer makes it from the sources now, modules in a stable order. */
export function analyze() {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const cli = join(repoRoot, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [cli, 'analyze', '--config', join(repoRoot, 'custom-elements-manifest.config.mjs')], {
    cwd: repoRoot,
    // The analyzer joins outdir to the working directory.
    env: { ...process.env, RETENTION_KIT_MANIFEST_DIR: relative(repoRoot, scratch) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const manifest = JSON.parse(readFileSync(join(scratch, MANIFEST), 'utf8'));
  // The analyzer lists modules in the order its file reads finish, which varies
  // from run to run: sort them, or the currency check fails at random.
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  rmSync(scratch, { recursive: true, force: true });
  return manifest;
}

/** The custom elements of a manifest, by tag, each with the path of its module. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, modulePath: module.path })))
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** `'light' | 'dark' | 'auto'` → the values an editor offers for the attribute. */
function literalValues(type) {
  const text = type?.text;
  if (!text) return undefined;
  const parts = text.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  if (!parts.length || !parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map((part) => ({ name: part.slice(1, -1) }));
}

/** VS Code `html.customData`: tags, their attributes, and what they are for. */
function editorData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => {
      const notes = [
        element.summary ?? element.description ?? '',
        element.events?.length ? `Events: ${element.events.map((event) => event.name).join(', ')}.` : '',
        element.cssParts?.length ? `Parts: ${element.cssParts.map((part) => part.name).join(', ')}.` : '',
        element.cssProperties?.length ? `CSS properties: ${element.cssProperties.map((property) => property.name).join(', ')}.` : '',
      ].filter(Boolean);
      return {
        name: element.tagName,
        description: notes.join('\n\n'),
        attributes: (element.attributes ?? [])
          .filter((attribute) => attribute.name)
          .map((attribute) => {
            const values = literalValues(attribute.type);
            return { name: attribute.name, description: attribute.description ?? '', ...(values ? { values } : {}) };
          }),
      };
    }),
  };
}

/** JSDoc the manifest needs but an element does not give (reported, never fatal). */
function missingDocs(manifest) {
  const notes = [];
  for (const element of elementsOf(manifest)) {
    const missing = [];
    if (!element.summary) missing.push('@summary');
    if (!element.events?.length) missing.push('@fires');
    if (!element.cssParts?.length) missing.push('@csspart');
    if (!element.cssProperties?.length) missing.push('@cssprop');
    const undocumented = (element.attributes ?? []).filter((attribute) => !attribute.description).map((attribute) => attribute.name);
    if (undocumented.length) missing.push(`descriptions of attributes ${undocumented.join(', ')}`);
    if (missing.length) notes.push(`<${element.tagName}> (${element.modulePath}): no ${missing.join('; no ')}`);
  }
  return notes;
}

if (isMain) main();

function main() {
  const manifest = analyze();
  const files = {
    [MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
    [EDITOR_DATA]: `${JSON.stringify(editorData(manifest), null, 2)}\n`,
  };

  const notes = missingDocs(manifest);
  if (notes.length) process.stderr.write(`JSDoc tags missing (the manifest is only as complete as the elements' JSDoc):\n${notes.map((note) => `  ${note}`).join('\n')}\n`);

  const tags = elementsOf(manifest).map((element) => element.tagName);
  if (check) {
    const stale = Object.entries(files).filter(([name, text]) => !existsSync(join(repoRoot, name)) || readFileSync(join(repoRoot, name), 'utf8') !== text);
    if (stale.length) {
      process.stderr.write(`${stale.map(([name]) => name).join(' and ')} ${stale.length > 1 ? 'are' : 'is'} not current: run \`npm run manifest\` and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write(`manifest current: ${tags.length} elements (${tags.join(', ')})\n`);
  } else {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(repoRoot, name), text);
    process.stdout.write(`wrote ${MANIFEST} and ${EDITOR_DATA}: ${tags.length} elements (${tags.join(', ')})\n`);
  }
}
