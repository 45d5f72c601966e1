/**
 * Guarded registration. A page may load the kit twice (a CMS plugin plus a
 * page script); the second define must not throw and break the first. Same
 * class or same kit version: nothing to do. A different version: warn once,
 * keep the first, so the page keeps working.
 */
// First of all: it must be evaluated before Lit (see lit-policy.ts).
import './lit-policy.ts';

/**
 * Replaced by package.json's `version` when the package and the bundles are built
 * (vite.lib.config.ts `define`), so the number is kept in one place only. Sources
 * served as they are (the tests, the demo) have no build step and say `0.0.0-dev`.
 */
declare const __RETENTION_KIT_VERSION__: string | undefined;

/** The kit's version, stamped on every element class. */
export const KIT_VERSION: string = typeof __RETENTION_KIT_VERSION__ === 'string' ? __RETENTION_KIT_VERSION__ : '0.0.0-dev';

interface VersionedConstructor extends CustomElementConstructor {
  kitVersion?: string;
}

/**
 * Defines `tag` unless it is already defined. Returns true when this call defined it.
 * Safe on a server (no `customElements`): does nothing.
 */
export function defineElement(tag: string, ctor: VersionedConstructor): boolean {
  if (typeof customElements === 'undefined') return false;
  const existing = customElements.get(tag) as VersionedConstructor | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return true;
  }
  if (existing !== ctor && existing.kitVersion !== ctor.kitVersion) {
    console.warn(
      `<${tag}> is already defined by retention-kit ${existing.kitVersion ?? '(unknown version)'}; ` +
        `version ${ctor.kitVersion ?? '(unknown)'} was not registered. Load the kit once per page.`,
    );
  }
  return false;
}
