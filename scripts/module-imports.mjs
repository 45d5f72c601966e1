// The relative imports of built ES module files, read from their text: the build's
// checks (scripts/build.mjs) and the size report's built-engine figures walk the same graph.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The relative module imports of an ES module file: `static` (import/export … from) and `dynamic` (import()). */
export function relativeImports(file) {
  const text = readFileSync(file, 'utf8');
  // Minified output writes `import{a as b}from"./x.js"` and import(`./x.js`).
  const statics = [...text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'";]*?from\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  const dynamics = [...text.matchAll(/\bimport\(\s*['"`](\.{1,2}\/[^'"`]+)['"`]\s*\)/g)].map((m) => m[1]);
  const absolute = (specifier) => resolve(dirname(file), specifier);
  return { static: statics.map(absolute), dynamic: dynamics.map(absolute) };
}

/**
 * Every file an entry reaches through relative imports (bare imports are
 * dependencies), following dynamic imports too unless `staticOnly`.
 */
export function moduleGraph(entry, { staticOnly = false } = {}) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${file} is imported but was not emitted`);
    seen.add(file);
    const imports = relativeImports(file);
    queue.push(...imports.static, ...(staticOnly ? [] : imports.dynamic));
  }
  return [...seen];
}
