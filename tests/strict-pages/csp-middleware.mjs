/**
 * Test-server middleware: pages under /tests/strict-pages/ are served with a strict
 * Content-Security-Policy, the way a bank or a locked-down intranet serves its pages:
 * no inline scripts or styles, no eval, and Trusted Types for every DOM sink. Only the
 * kit's own template policy ('lit-html', created by Lit) is allowed.
 *
 * The test runner's own pages keep no policy (they run inline scripts); a strict page is
 * loaded by a test in a same-origin iframe, which has its own policy from its response.
 */
export const STRICT_PAGE_PREFIX = '/tests/strict-pages/';

export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Koa middleware for @web/test-runner's `middleware` option. */
export async function strictPagesMiddleware(context, next) {
  await next();
  if (context.path.startsWith(STRICT_PAGE_PREFIX) && context.path.endsWith('.html')) {
    context.set('Content-Security-Policy', STRICT_POLICY);
  }
}
