/**
 * Every number attribute of an element at 0, -1, 1e308, 1e400, NaN, abc and ''.
 * One test file per element calls {@link numberAttributeSuite} (tests/hostile/attributes/):
 * each element then has a page of its own, so a value that exhausts a page's memory
 * (a chart of 1e308 pixels) loses that element's results only, not every element's.
 *
 * The attribute list is read from the kit's manifest (custom-elements.json, generated from
 * each element's JSDoc), so a new number attribute is in the corpus as soon as it is
 * documented. An attribute of a plain-figure element (a gauge's `start`) is tried on the
 * element's plain figures; every other on its small valid records.
 *
 * Beyond the rules of harness.ts: a value that is not a number (NaN, abc, 1e400, which
 * overflows to Infinity) must not pass unseen: the element either refuses it naming the
 * attribute, or falls back to the default and says so, naming it, in its notice or
 * `warnings` (issue #16, "Invalid attribute values").
 */
import { expect } from '@open-wc/testing';
import { ELEMENTS, type ElementSpec } from '../elements.ts';
import { expectNoFailures, make, names, noticeText, runGroup, type Case } from '../harness.ts';

const VALUES = ['0', '-1', '1e308', '1e400', 'NaN', 'abc', ''];
/** Values that are no finite number: never silently ignored. */
const NOT_A_NUMBER = new Set(['1e400', 'NaN', 'abc']);

interface ManifestAttribute {
  name: string;
  type?: { text: string };
}
interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: ManifestAttribute[] }[] }[];
}

/** tag → its number attributes, as documented. */
async function numberAttributes(): Promise<Map<string, string[]>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  const byTag = new Map<string, string[]>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const numeric = (declaration.attributes ?? []).filter((attribute) => /\bnumber\b/.test(attribute.type?.text ?? '')).map((attribute) => attribute.name);
      byTag.set(declaration.tagName, numeric);
    }
  }
  return byTag;
}

function caseFor(spec: ElementSpec, attribute: string, value: string): Case {
  const plain = !spec.kind || spec.plainAttributes?.includes(attribute);
  const base = plain ? { ...spec.plain } : { ...spec.attributes };
  const el = make(spec.tag, { ...base, [attribute]: value }, plain ? undefined : spec.kind!.rows());
  return { name: `${attribute}="${value}"`, el, names: [attribute] };
}

/** A not-a-number value that was neither refused nor named in a warning. */
function silentlyIgnored(c: Case, value: string): string | undefined {
  if (!NOT_A_NUMBER.has(value) || c.el.status === 'error') return undefined;
  const said = `${noticeText(c.el)} ${JSON.stringify(c.el.warnings ?? [])}`;
  // A form (the calculator) says it at the field: its input marked invalid, with the problem beside it.
  const field = c.el.shadowRoot?.querySelector(`input[name="${c.names![0]}"][aria-invalid="true"]`);
  return names(said, c.names!) || field ? undefined : `${c.name}: not a number, yet neither refused nor named in a warning (status ${c.el.status}, warnings ${JSON.stringify((c.el.warnings ?? []).map((w) => w.code))})`;
}

export function numberAttributeSuite(tag: string): void {
  const spec = ELEMENTS.find((element) => element.tag === tag);
  if (!spec) throw new Error(`no hostile spec for <${tag}> (tests/hostile/elements.ts)`);

  describe(`<${tag}>: every number attribute at 0, -1, 1e308, 1e400, NaN, abc and empty`, function () {
    this.timeout(120_000);
    let list: string[];

    before(async () => {
      list = (await numberAttributes()).get(tag) ?? [];
    });

    it('has its number attributes in the manifest', () => {
      expect(list.length, 'custom-elements.json lists no number attribute: regenerate the manifest').to.be.greaterThan(0);
    });

    it('holds to the rules at every value of every number attribute', async () => {
      const failures: string[] = [];
      // One group per attribute: its seven values side by side, so a long task is that attribute's.
      for (const attribute of list) {
        const outcome = await runGroup(`${spec.tag} ${attribute}`, () => VALUES.map((value) => caseFor(spec, attribute, value)));
        failures.push(...outcome.failures);
        outcome.cases.forEach((c, i) => {
          const problem = silentlyIgnored(c, VALUES[i]);
          if (problem) failures.push(problem);
        });
      }
      expectNoFailures({ failures });
    });
  });
}
