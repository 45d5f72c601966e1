/**
 * The engine's worker served to the tests as one bundled module, as the
 * package and the single-file builds ship it (vite.lib.config.ts, mode
 * worker). Served as source, a module worker would fetch and transform each
 * of its sixty-odd modules on every start, in every test page: a second or two
 * per page that starts a worker. The page's own import of the same module
 * (compute="inline", no worker) stays the module graph, so tests that import
 * engine modules share their instances with the page engine.
 *
 * Chromium marks a worker's script request `Sec-Fetch-Dest: worker`. The
 * bundle is built once and rebuilt when a file under src/ is newer than it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const WORKER_PATH = '/src/engine/worker.ts';

function newestChange(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function bundledWorkerPlugin(root = process.cwd()) {
  let bundle;
  return {
    name: 'retention-kit-bundled-worker',
    async serve(context) {
      if (context.path !== WORKER_PATH || context.request.headers['sec-fetch-dest'] !== 'worker') return undefined;
      const changed = newestChange(join(root, 'src'));
      if (!bundle || bundle.builtAt < changed) {
        const result = await build({
          entryPoints: [join(root, WORKER_PATH)],
          bundle: true,
          format: 'esm',
          target: 'es2022',
          write: false,
          sourcemap: 'inline',
          tsconfig: join(root, 'tsconfig.json'),
          logLevel: 'silent',
        });
        bundle = { code: result.outputFiles[0].text, builtAt: changed };
      }
      return { body: bundle.code, type: 'js', headers: { 'cache-control': 'no-cache' } };
    },
  };
}
