/**
 * The worker's script URL as a Trusted Types value, for pages that require
 * Trusted Types for script sinks (`require-trusted-types-for 'script'`): there a
 * plain URL handed to `new Worker` is refused and reported. The kit's policy,
 * named {@link TRUSTED_TYPES_POLICY}, vouches for one URL only, the engine's
 * worker file this build names, so it is no general way around the page's
 * policy. A page that restricts policy names lists it next to Lit's
 * (`trusted-types lit-html retention-kit`).
 *
 * Without Trusted Types (other browsers), or where the page forbids the
 * policy, the caller starts the worker from the plain URL (bundlers recognise
 * that literal form), and a refused worker falls back to the page engine.
 */
export const TRUSTED_TYPES_POLICY = 'retention-kit';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

let policy: ScriptUrlPolicy | null | undefined;
const vouchedFor = new Set<string>();

/** The URL wrapped by the kit's policy; undefined where there is no Trusted Types or the page refuses the policy. */
export function trustedWorkerUrl(url: URL | string): string | undefined {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return undefined;
  if (policy === undefined) {
    try {
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(candidate) {
          if (!vouchedFor.has(candidate)) throw new TypeError(`${TRUSTED_TYPES_POLICY}: only the kit's own worker file is vouched for, not ${candidate}`);
          return candidate;
        },
      });
    } catch {
      policy = null; // the page's trusted-types directive does not list the kit's policy
    }
  }
  if (!policy) return undefined;
  const href = String(url);
  vouchedFor.add(href);
  // A TrustedScriptURL; typed as the string it stands for, which is what Worker's signature accepts.
  return policy.createScriptURL(href) as string;
}
