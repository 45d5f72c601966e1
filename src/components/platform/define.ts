/**
 * Guarded registration. A page may load the kit twice (a CMS plugin plus a
 * page script); the second define must not throw and break the first. Same
 * class or same kit version: nothing to do. A different version: warn once,
 * keep the first, so the page keeps working.
 */
// First of all: it must be evaluated before Lit (see lit-policy.ts).
import './lit-policy.ts';

/** The kit's version, stamped on every element class. Bump with package.json. */
export const KIT_VERSION = '0.1.0';

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
