/**
 * A test-server plugin that serves React 19 as ES modules.
 *
 * React ships CommonJS only and bundlers (Vite, webpack) convert it on the fly; the test
 * server serves files as they are. Rollup's commonjs plugin cannot give React named
 * exports there (its index.js picks a build with a conditional require), so this plugin
 * does what a bundler does: esbuild bundles react, react-dom and react-dom/client into one
 * module (one copy of React for all three), and each bare import gets a small module that
 * re-exports the names Node sees on the same package.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const PREFIX = '/__react-esm__/';
const BUNDLE = `${PREFIX}bundle.js`;
const PACKAGES = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const urlOf = (name) => `${PREFIX}${name.replace('/', '__')}.js`;

function bundleSource() {
  const imports = PACKAGES.map((name, i) => `import * as m${i} from ${JSON.stringify(name)};`);
  const entries = PACKAGES.map((name, i) => `${JSON.stringify(name)}: m${i}`);
  return `${imports.join('\n')}\nexport const modules = { ${entries.join(', ')} };\n`;
}

/**
 * The export names of each package as Node's require sees them. Asked of a child process:
 * loading React here would touch the test runner's patched console.
 */
let exportNames;
function namesOf(name) {
  exportNames ??= JSON.parse(
    execFileSync(process.execPath, ['-e', `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(PACKAGES)}.map((n) => [n, Object.keys(require(n))]))))`], {
      cwd: process.cwd(),
      encoding: 'utf8',
    }),
  );
  return exportNames[name].filter((key) => IDENTIFIER.test(key) && key !== 'default');
}

function facadeSource(name) {
  const keys = namesOf(name);
  return [
    `import { modules } from '${BUNDLE}';`,
    `const m = modules[${JSON.stringify(name)}];`,
    'const cjs = m.default ?? m;',
    'export default cjs;',
    `export const { ${keys.join(', ')} } = cjs;`,
  ].join('\n');
}

export function reactEsmPlugin({ mode = 'development' } = {}) {
  let bundled;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (PACKAGES.includes(source)) return urlOf(source);
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      if (context.path === BUNDLE) {
        bundled ??= build({
          stdin: { contents: bundleSource(), resolveDir: process.cwd(), loader: 'js' },
          bundle: true,
          format: 'esm',
          target: 'es2022',
          write: false,
          logLevel: 'silent',
          define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundled, type: 'js' };
      }
      const name = PACKAGES.find((candidate) => urlOf(candidate) === context.path);
      return name ? { body: facadeSource(name), type: 'js' } : undefined;
    },
  };
}
