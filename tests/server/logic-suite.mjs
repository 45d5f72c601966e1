/**
 * The pure-logic tests (tests/metrics/**, tests/engine/**: no elements, no
 * layout) run in one browser page instead of one page each: a page start costs
 * more than most of those files' tests together. tests/logic.test.ts imports
 * LOGIC_SUITE_PATH, which this plugin answers with an import of every such test
 * file found on disk at request time, so a new file is in the suite as soon as
 * it exists. web-test-runner.config.mjs leaves these files out of its own list.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LOGIC_SUITE_PATH = '/tests/server/logic-suite-modules.js';
export const LOGIC_TEST_FOLDERS = ['tests/metrics', 'tests/engine'];

function testFiles(root, folder) {
  const found = [];
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return found; // a folder that does not exist (yet) has no tests
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(root, path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

export function logicSuitePlugin(root = process.cwd()) {
  return {
    name: 'retention-kit-logic-suite',
    serve(context) {
      if (context.path !== LOGIC_SUITE_PATH) return undefined;
      const files = LOGIC_TEST_FOLDERS.flatMap((folder) => testFiles(root, folder));
      const body = files.map((file) => `import '/${relative(root, join(root, file)).split('\\').join('/')}';`).join('\n');
      return { body: `${body}\n`, type: 'js', headers: { 'cache-control': 'no-cache' } };
    },
  };
}
