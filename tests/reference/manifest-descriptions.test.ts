/**
 * The CI check of the element manifest's words (#13): editors show these descriptions on
 * hover and the reference pages print them, so an empty one, or one that swallowed the
 * next JSDoc tag (`@attr a - x. @attr b - y` on one line gives `a` both texts and `b`
 * none; `@attr a / b - x` gives `a` the text "/ b - x"), fails here. The fix is at the
 * source: one tag per line, one name per tag, in the element's JSDoc.
 *
 * It reads the committed custom-elements.json, which `npm run check:manifest` keeps equal
 * to what the sources give.
 */
import { expect } from '@open-wc/testing';

interface Described {
  name: string;
  description?: string;
  attribute?: string;
  kind?: string;
  inheritedFrom?: { name: string };
}

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Described[];
  members?: Described[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

/** Why a description is not fit to show, or undefined when it is. */
export function descriptionProblem(description: string | undefined): string | undefined {
  const text = (description ?? '').trim();
  if (!text) return 'empty';
  if (text.length < 4) return `too short ("${text}")`;
  if (/^[/\-–,;.:|]/.test(text)) return `starts with "${text[0]}": the rest of a slash- or dash-joined tag ("${text.slice(0, 40)}…")`;
  // A block tag inside a description is the next tag, swallowed ({@link X} is fine).
  const tag = /(?:^|[\s.;,])@(attr|attribute|prop|property|csspart|cssprop|cssproperty|fires|event|slot|summary|tag|tagname)\b/.exec(text);
  if (tag) return `holds another JSDoc tag (@${tag[1]}): one tag per line`;
  if ((text.match(/`/g) ?? []).length % 2 === 1) return 'an unclosed code quote (`)';
  return undefined;
}

async function elements(): Promise<Declaration[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
}

describe('custom-elements.json: descriptions', () => {
  let declared: Declaration[];
  before(async () => {
    declared = await elements();
  });

  it('knows a garbled description when it sees one', () => {
    expect(descriptionProblem('')).to.equal('empty');
    expect(descriptionProblem('/ week-start - Last day of transactions used.')).to.match(/starts with "\/"/);
    expect(descriptionProblem('Last day of data used. @attr week-start - First day of week.')).to.match(/@attr/);
    expect(descriptionProblem('Chart height in `px.')).to.match(/unclosed/);
    expect(descriptionProblem('A cell was chosen: `detail` is {@link CohortSelectDetail}.')).to.equal(undefined);
  });

  it('has a description fit to show for every attribute, part, custom property and event of every element', () => {
    expect(declared.length).to.be.above(10);
    const problems: string[] = [];
    for (const element of declared) {
      const lists: Array<[string, Described[] | undefined]> = [
        ['attribute', element.attributes],
        ['event', element.events],
        ['part', element.cssParts],
        ['custom property', element.cssProperties],
      ];
      for (const [what, list] of lists) {
        const seen = new Set<string>();
        for (const item of list ?? []) {
          if (seen.has(item.name)) problems.push(`<${element.tagName}> ${what} ${item.name}: listed twice`);
          seen.add(item.name);
          const problem = descriptionProblem(item.description);
          if (problem) problems.push(`<${element.tagName}> ${what} ${item.name}: ${problem}`);
        }
      }
    }
    expect(problems, `${problems.length} descriptions to fix in the elements' JSDoc`).to.deep.equal([]);
  });

  it('lists for each element only the inherited attributes it reads', () => {
    const attributes = (tag: string) => (declared.find((element) => element.tagName === tag)?.attributes ?? []).map((attribute) => attribute.name);
    // NPS answers and cancellations are not transactions.
    for (const tag of ['nps-score', 'churn-reasons']) {
      expect(attributes(tag), `<${tag}>`).to.include.members(['data', 'src', 'customer-key', 'date-key']);
      expect(attributes(tag), `<${tag}>`).not.to.include.members(['price-key']);
      expect(attributes(tag), `<${tag}>`).not.to.include('mrr-key');
    }
    // <customer-health> reads activity events, and order exports too (#12: purchases as activity).
    expect(attributes('customer-health')).to.include.members(['event-key', 'value-key', 'price-key', 'order-key']);
    expect(attributes('customer-health')).not.to.include('mrr-key');
    expect(attributes('cohort-heatmap')).to.include.members(['price-key', 'order-key', 'amount-per']);
    expect(attributes('cohort-heatmap')).not.to.include('mrr-key');
    expect(attributes('revenue-movements')).to.include.members(['start-key', 'end-key', 'mrr-key', 'plan-key']);
    expect(attributes('revenue-movements')).not.to.include('price-key');
    // The calculator's typed figures are its only input.
    expect(attributes('retention-calculator')).not.to.include.members(['data']);
    expect(attributes('retention-calculator')).not.to.include('src');
  });
});
