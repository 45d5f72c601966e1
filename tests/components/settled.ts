/**
 * Waits until an element of the kit has its answer. Every computation, the
 * few typed figures of a plain-attribute element included, runs in the metrics
 * engine (a worker), so a result arrives a task or more after the update that
 * asked for it: wait for it instead of for `updateComplete` alone.
 */
import { waitUntil } from '@open-wc/testing';

interface KitElement extends HTMLElement {
  status: string;
  updateComplete: Promise<boolean>;
}

export async function settled<T extends KitElement>(el: T, timeout = 5000): Promise<T> {
  await el.updateComplete;
  await waitUntil(() => el.status !== 'computing' && el.status !== 'loading', `<${el.localName}> did not settle (status ${el.status})`, { timeout });
  await el.updateComplete;
  return el;
}
