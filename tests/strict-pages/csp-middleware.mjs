/**
 * Test-server middleware for pages that are served the way strict or foreign sites serve
 * them (tests/strict-pages/, tests/cms/):
 *
 * - `*.html` under /tests/strict-pages/ gets a strict Content-Security-Policy, the way a
 *   bank or a locked-down intranet serves its pages: no inline scripts or styles, no eval,
 *   and Trusted Types for every DOM sink. Only Lit's template policy ('lit-html') and the kit's
 *   ('retention-kit', for the worker's script URL) are allowed.
 * - /tests/strict-pages/kit-elements.js is a module that registers every element of the
 *   kit: it imports each src/components/<tag>/define.ts found on disk at request time, so a
 *   new element is on the strict page (and the CMS page) as soon as it exists.
 *
 * The test runner's own pages keep no policy (they run inline scripts); a test loads a
 * strict page in a same-origin iframe, which gets its policy from its own response.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STRICT_PAGE_PREFIX = '/tests/strict-pages/';
export const KIT_ELEMENTS_PATH = '/tests/strict-pages/kit-elements.js';

export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  // 'lit-html': Lit's template policy. 'retention-kit': the kit's own, for its worker URL.
  'trusted-types lit-html retention-kit',
].join('; ');

/** Every element folder with a define.ts, and the tags that file registers. */
export function kitElements(root = process.cwd()) {
  const components = join(root, 'src/components');
  return readdirSync(components, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(components, entry.name, 'define.ts')))
    .map((entry) => {
      const source = readFileSync(join(components, entry.name, 'define.ts'), 'utf8');
      const tags = [...source.matchAll(/defineElement\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]+)['"]/g)].map((match) => match[1]);
      return { folder: entry.name, tags };
    })
    .filter((element) => element.tags.length > 0);
}

function kitElementsModule() {
  const elements = kitElements();
  const imports = elements.map(({ folder }) => `import '/src/components/${folder}/define.ts';`);
  const tags = elements.flatMap((element) => element.tags);
  return `${imports.join('\n')}\nexport const tags = ${JSON.stringify(tags)};\n`;
}

/** Koa middleware for @web/test-runner's `middleware` option. */
export async function strictPagesMiddleware(context, next) {
  if (context.path === KIT_ELEMENTS_PATH) {
    context.type = 'js';
    context.set('Cache-Control', 'no-cache');
    context.body = kitElementsModule();
    return;
  }
  await next();
  if (context.path.startsWith(STRICT_PAGE_PREFIX) && context.path.endsWith('.html')) {
    context.set('Content-Security-Policy', STRICT_POLICY);
  }
}
