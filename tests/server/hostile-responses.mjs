/**
 * Test-server middleware for the hostile corpus (tests/hostile/): the answers a
 * server gives a `src` when something is wrong with it. Every path is under
 * `/__hostile/`; `?n=<anything>` may be added to make a URL unique (the engine
 * keeps parsed files per URL).
 *
 * - `/__hostile/status/<code>`          that status, a short text body
 * - `/__hostile/login.html`             a login page, 200, text/html
 * - `/__hostile/login-as-csv`           the same page served as text/csv
 * - `/__hostile/csv-as-image`           a valid order CSV served as image/png
 * - `/__hostile/png-as-csv`             PNG bytes served as text/csv
 * - `/__hostile/empty`                  200, no body;  `/__hostile/no-content`: 204
 * - `/__hostile/header-only.csv`        a CSV header line and no record
 * - `/__hostile/truncated.csv`          announces 100,000 bytes, sends a few hundred, then drops the connection
 * - `/__hostile/never`                  accepts the request and never answers
 * - `/__hostile/stall.csv`              sends the header and two rows, then nothing, the connection open
 * - `/__hostile/big.csv?mb=<m>`         an order CSV of m megabytes (default 50), streamed as fast as it is read
 * - `/__hostile/redirect?to=<path>`     302 to a path of this server; `/__hostile/redirect-loop`: 302 to itself
 * - `/__hostile/pages/<name>.html`      tests/hostile/pages/<name>.html with the Content-Security-Policy
 *                                       PAGE_POLICIES names for it (a page whose Trusted Types list
 *                                       leaves out the kit's policy, or Lit's)
 *
 * Never-answering requests are ended when the test server closes them; they are counted so
 * a test can tell the request reached the server (`/__hostile/count?path=never`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

const PREFIX = '/__hostile/';

const ORDERS_CSV = 'customer,date,amount\na,2024-01-05,10\nb,2024-01-12,25\nc,2024-01-20,8\na,2024-02-03,20\nd,2024-02-25,5\n';
const LOGIN_PAGE = '<!doctype html>\n<html><head><title>Sign in</title></head><body><form><input name="user"><input name="password" type="password"></form></body></html>\n';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
];

/** The Trusted Types directive of each hostile page. */
export const PAGE_POLICIES = {
  // The kit's policy left out: its worker URL cannot be vouched for.
  'no-kit-policy': [...BASE_POLICY, 'trusted-types lit-html'].join('; '),
  // Lit's policy left out: Lit cannot create its template policy.
  'no-lit-policy': [...BASE_POLICY, 'trusted-types retention-kit'].join('; '),
  // Both, and workers from nowhere: the kit computes in the page.
  'no-workers': [...BASE_POLICY.filter((directive) => !directive.startsWith('worker-src')), "worker-src 'none'", 'trusted-types lit-html retention-kit'].join('; '),
};

const counts = new Map();

export async function hostileResponsesMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX)) return next();
  const name = context.path.slice(PREFIX.length);
  counts.set(name, (counts.get(name) ?? 0) + 1);
  context.set('Cache-Control', 'no-store');

  const status = name.match(/^status\/(\d{3})$/);
  if (status) {
    context.status = Number(status[1]);
    context.type = 'text/plain';
    context.body = `status ${status[1]}`;
    return;
  }
  const page = name.match(/^pages\/([a-z-]+)\.html$/);
  if (page && PAGE_POLICIES[page[1]]) {
    context.type = 'html';
    context.set('Content-Security-Policy', PAGE_POLICIES[page[1]]);
    context.body = readFileSync(join(process.cwd(), 'tests/hostile/pages', `${page[1]}.html`), 'utf8');
    return;
  }
  switch (name) {
    case 'count':
      context.type = 'json';
      context.body = JSON.stringify({ count: counts.get(String(context.query.path)) ?? 0 });
      return;
    case 'login.html':
      context.type = 'text/html';
      context.body = LOGIN_PAGE;
      return;
    case 'login-as-csv':
      context.type = 'text/csv';
      context.body = LOGIN_PAGE;
      return;
    case 'csv-as-image':
      context.type = 'image/png';
      context.body = ORDERS_CSV;
      return;
    case 'png-as-csv':
      context.type = 'text/csv';
      context.body = PNG;
      return;
    case 'empty':
      context.type = 'text/csv';
      context.body = '';
      return;
    case 'no-content':
      context.status = 204;
      return;
    case 'header-only.csv':
      context.type = 'text/csv';
      context.body = 'customer,date,amount\n';
      return;
    case 'truncated.csv':
      return truncated(context);
    case 'never':
      // Keep the request open and answer nothing (koa must not answer for us); a minute on, let it go.
      context.respond = false;
      setTimeout(() => context.req.socket?.destroy(), 60_000).unref();
      return;
    case 'stall.csv':
      return stall(context);
    case 'big.csv':
      return big(context, Number(context.query.mb ?? 50));
    case 'redirect':
      context.redirect(String(context.query.to ?? '/'));
      return;
    case 'redirect-loop':
      context.redirect(`/__hostile/redirect-loop?n=${context.query.n ?? ''}`);
      return;
    default:
      return next();
  }
}

function truncated(context) {
  context.respond = false;
  const res = context.res;
  res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': '100000', 'Cache-Control': 'no-store' });
  res.write(ORDERS_CSV);
  setTimeout(() => res.socket?.destroy(), 100);
}

function stall(context) {
  const stream = new PassThrough();
  context.type = 'text/csv';
  context.body = stream;
  stream.write('customer,date,amount\na,2024-01-05,10\nb,2024-01-12,25\n');
  // Nothing more; the stream stays open until the client goes away (or a minute on).
  const release = setTimeout(() => stream.destroy(), 60_000).unref();
  context.res.on('close', () => {
    clearTimeout(release);
    stream.destroy();
  });
}

function big(context, megabytes) {
  const stream = new PassThrough();
  context.type = 'text/csv';
  context.body = stream;
  const target = megabytes * 1024 * 1024;
  let sent = 0;
  let row = 0;
  const chunk = () => {
    let text = sent === 0 ? 'customer,date,amount\n' : '';
    while (text.length < 256 * 1024) {
      text += `c${(row * 7919) % 100_000},2024-0${1 + (row % 9)}-1${row % 10},${(row % 50) + 1}.${row % 100}\n`;
      row++;
    }
    return text;
  };
  const pump = () => {
    while (sent < target) {
      if (context.res.destroyed) return stream.destroy();
      const text = chunk();
      sent += text.length;
      if (!stream.write(text)) return stream.once('drain', pump);
    }
    stream.end();
  };
  pump();
}
