/**
 * A second origin for the tests, standing in for a CDN (jsDelivr, unpkg): a plain HTTP
 * server on another loopback address (127.0.0.2, so another host than the test page's
 * `localhost`) that serves the built dist/ files under the URL pattern of those CDNs,
 * `/npm/retention-kit@<version>/dist/<file>`, with the headers they send for a
 * package's files (CORS open to every origin, no sniffing, cross-origin resource policy).
 *
 * Pages under /tests/cross-origin/ (among them a CMS post that loads the classic script) write
 * `__CDN__` where the kit's folder goes; this plugin replaces it with the folder on the
 * second origin, keyed by the page's `run` query so that each test reads only its own
 * requests: `GET /__cdn-requests?run=<token>` on the test server answers the list of
 * `{ path, dest, mode, origin }` the CDN served for that token (Sec-Fetch-Dest tells a
 * worker's script request from a page's import).
 *
 * `/npm/retention-kit@<version>/dist-without-worker/…` serves the same files with the
 * engine file (and its chunks) missing: a site that uploaded the bundle alone.
 *
 * The pages' own Content-Security-Policy, where they declare one in a
 * `<meta name="test-csp">`, is sent as a header with `__CDN_ORIGIN__` replaced: a strict
 * page that allows the CDN by name.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const HOST = '127.0.0.2';
const TYPES = { '.js': 'application/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json; charset=utf-8' };
const PAGE_PREFIX = '/tests/cross-origin/';
const CDN_PAGES = [PAGE_PREFIX];

export const CDN_PLACEHOLDER = '__CDN__';
/** Where a page lets the test choose how the kit is loaded (see transform). */
const KIT_SCRIPT_PLACEHOLDER = '<!-- __KIT_SCRIPT__ -->';

/** The folder of the package on the CDN, as jsDelivr and unpkg name it (`/npm/<name>@<version>`). */
function packageFolder(root) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return `/npm/${name}@${version}`;
}

export function cdnOriginPlugin(root = process.cwd()) {
  /** @type {import('node:http').Server | undefined} */
  let server;
  let origin = '';
  const requests = new Map();
  const folder = packageFolder(root);

  function answer(request, response) {
    // /t/<token>/npm/<name>@<version>/<dist or dist-without-worker>/<file>
    const url = new URL(request.url ?? '/', 'http://cdn');
    const match = /^\/t\/([\w-]+)(\/npm\/[^/]+)\/(dist|dist-without-worker)\/(.+)$/.exec(url.pathname);
    const log = (status) => {
      if (!match) return;
      if (!requests.has(match[1])) requests.set(match[1], []);
      requests.get(match[1]).push({
        path: `${match[3]}/${match[4]}`,
        status,
        dest: request.headers['sec-fetch-dest'] ?? '',
        mode: request.headers['sec-fetch-mode'] ?? '',
        origin: request.headers.origin ?? '',
      });
    };
    // What a CDN sends with a package's file.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Timing-Allow-Origin', '*');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const relative = match && match[2] === folder ? normalize(match[4]) : undefined;
    const withoutWorker = match?.[3] === 'dist-without-worker';
    const missing = !relative || relative.startsWith('..') || (withoutWorker && (relative === 'retention-kit.worker.js' || relative.startsWith('engine/')));
    const file = missing ? undefined : join(root, 'dist', relative);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      log(404);
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    log(200);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
  }

  return {
    name: 'retention-kit-cdn-origin',
    async serverStart() {
      // 127.0.0.2 is another host than the page's `localhost`; where a machine's loopback has only
      // 127.0.0.1, another port of it is still another origin.
      for (const host of [HOST, '127.0.0.1']) {
        server = createServer(answer);
        try {
          await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, host, resolve);
          });
          origin = `http://${host}:${server.address().port}`;
          break;
        } catch (error) {
          if (host !== HOST) throw error;
        }
      }
    },
    async serverStop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    },
    serve(context) {
      if (context.path !== '/__cdn-requests') return undefined;
      const token = String(context.query.run ?? '');
      return { body: JSON.stringify({ origin, folder, requests: requests.get(token) ?? [] }), type: 'json', headers: { 'cache-control': 'no-store' } };
    },
    transform(context) {
      if (!context.path.endsWith('.html') || !CDN_PAGES.some((prefix) => context.path.startsWith(prefix))) return undefined;
      const token = String(context.query.run ?? 'default').replace(/[^\w-]/g, '');
      // A page may leave the kit's script to the test: `?kit=autoloader` for the autoloader, else the ES module bundle.
      const kitScript = context.query.kit === 'autoloader' ? `<script src="${CDN_PLACEHOLDER}/dist/retention-kit.autoloader.js"></script>` : `<script type="module" src="${CDN_PLACEHOLDER}/dist/retention-kit.js"></script>`;
      let body = String(context.body).replaceAll(KIT_SCRIPT_PLACEHOLDER, kitScript).replaceAll(CDN_PLACEHOLDER, `${origin}/t/${token}${folder}`);
      const headers = {};
      const csp = /<meta name="test-csp" content="([^"]+)"/.exec(body);
      if (csp) headers['content-security-policy'] = csp[1].replaceAll('__CDN_ORIGIN__', origin);
      body = body.replaceAll('__CDN_ORIGIN__', origin);
      return { body, headers };
    },
  };
}
