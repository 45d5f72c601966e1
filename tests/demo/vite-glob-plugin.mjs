/**
 * The demo pages find the kit's elements with Vite's eager `import.meta.glob`,
 * which only Vite understands. For the tests that drive a demo page, this
 * @web/dev-server plugin does what Vite does: it replaces each eager glob call
 * with static imports of the files the pattern matches, relative to the
 * importing module (Node 20 has no fs.globSync: `*` stands for one path
 * segment, which is all the demo's patterns use).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
function globSync(pattern, { cwd }) {
  let paths = [''];
  for (const segment of pattern.split('/')) {
    if (!segment.includes('*')) {
      paths = paths.map((path) => (path ? `${path}/${segment}` : segment));
      continue;
    }
    const match = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
    paths = paths.flatMap((path) => {
      const dir = join(cwd, path || '.');
      return existsSync(dir) ? readdirSync(dir).filter((name) => match.test(name)).map((name) => (path ? `${path}/${name}` : name)) : [];
    });
  }
  return paths.filter((path) => existsSync(join(cwd, path)));
}

const EAGER_GLOB = /import\.meta\.glob\(\s*'([^']+)'\s*,\s*\{\s*eager:\s*true\s*\}\s*\)/g;

export function viteGlobPlugin() {
  return {
    name: 'vite-eager-glob',
    transform(context) {
      if (!context.path.startsWith('/demo/') || typeof context.body !== 'string' || !context.body.includes('import.meta.glob')) return undefined;
      const moduleDir = dirname(join(rootDir, context.path));
      const imports = [];
      const body = context.body.replace(EAGER_GLOB, (_call, pattern) => {
        const files = globSync(pattern, { cwd: moduleDir }).sort();
        const entries = files.map((file) => {
          const name = `__glob${imports.length}`;
          const specifier = relative(moduleDir, join(moduleDir, file)).replaceAll('\\', '/');
          imports.push(`import * as ${name} from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';`);
          return `${JSON.stringify(file)}: ${name}`;
        });
        return `{ ${entries.join(', ')} }`;
      });
      return { body: `${imports.join('\n')}\n${body}` };
    },
  };
}
