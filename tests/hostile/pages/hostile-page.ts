/**
 * The script of the hostile policy pages (tests/hostile/pages/*.html): one element of every
 * kind with its small valid input (tests/hostile/specs.ts, which imports nothing of the kit,
 * so this script runs even where the kit could not load). The test reads the elements' state
 * from the frame.
 */
import { ELEMENTS } from '../specs.ts';

const main = document.getElementById('widgets')!;
for (const spec of ELEMENTS) {
  const el = document.createElement(spec.tag) as HTMLElement & { data?: unknown };
  el.id = spec.tag;
  const attributes = spec.kind ? spec.attributes : (spec.plain ?? {});
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (spec.kind) el.data = spec.kind.rows();
  main.append(el);
}
document.documentElement.dataset.pageReady = 'yes';
