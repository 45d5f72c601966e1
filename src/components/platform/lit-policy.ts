/**
 * Lit creates its Trusted Types policy, `lit-html`, when its module is first
 * evaluated. On a page whose `trusted-types` directive does not list that name
 * the creation throws, and with it the module: every element of the kit would
 * stay undefined, with one page error and no word on screen.
 *
 * This module is evaluated before Lit (platform/define.ts imports it, and every
 * element's define.ts imports that first). It lets that one refusal pass as
 * "no policy", so the elements still load; the page's policy then refuses
 * Lit's first template, and RetentionElement shows, in each element, which
 * policy names the page must allow. Any other policy, and any later call, goes
 * to the browser untouched: the wrapper removes itself after Lit's call, or at
 * the end of this module graph's evaluation.
 */
interface PolicyFactory {
  createPolicy(name: string, ...rest: unknown[]): unknown;
}

let refused = false;

/** True when the page's Content Security Policy refused Lit's `lit-html` policy. */
export function litPolicyRefused(): boolean {
  return refused;
}

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
const litLoaded = (globalThis as { litHtmlVersions?: unknown }).litHtmlVersions !== undefined;
if (factory && !litLoaded && !Object.hasOwn(factory, 'createPolicy')) {
  const browserCreatePolicy = factory.createPolicy;
  const restore = () => {
    if (Object.hasOwn(factory, 'createPolicy')) delete (factory as Partial<PolicyFactory>).createPolicy;
  };
  factory.createPolicy = function (name: string, ...rest: unknown[]) {
    if (name !== 'lit-html') return browserCreatePolicy.call(this, name, ...rest);
    restore();
    try {
      return browserCreatePolicy.call(this, name, ...rest);
    } catch {
      refused = true;
      return undefined;
    }
  };
  queueMicrotask(restore);
}
