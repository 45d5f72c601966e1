/**
 * The platform presets against the export fixtures written in each platform's
 * own layout (tests/fixtures/exports/README.md): each fixture's header is
 * recognised as its platform's, by that preset's signature alone, and every
 * column a preset maps is one the platform really writes.
 */
import { expect } from '@open-wc/testing';
import { detectPreset, PRESET_NAMES, PRESETS, type PresetName } from '../../src/metrics/read/presets.ts';

const FIXTURES: { file: string; preset: PresetName; delimiter: string }[] = [
  { file: 'shopify-orders.csv', preset: 'shopify-orders', delimiter: ',' },
  { file: 'shopify-orders-excel-de.csv', preset: 'shopify-orders', delimiter: ';' },
  { file: 'stripe-payments.csv', preset: 'stripe-payments', delimiter: ',' },
  { file: 'stripe-payments-us-excel.csv', preset: 'stripe-payments', delimiter: ',' },
  { file: 'stripe-subscriptions.csv', preset: 'stripe-subscriptions', delimiter: ',' },
  { file: 'etsy-orders.csv', preset: 'etsy-orders', delimiter: ',' },
  { file: 'etsy-orders-tab.csv', preset: 'etsy-orders', delimiter: '\t' },
  { file: 'woocommerce-orders.csv', preset: 'woocommerce-orders', delimiter: ',' },
  { file: 'woocommerce-orders-bom-crlf.csv', preset: 'woocommerce-orders', delimiter: ',' },
  { file: 'events.csv', preset: 'events', delimiter: ',' },
];

/** The header cells of a fixture, as written (a BOM, if any, left on the first cell). */
async function header(file: string, delimiter: string): Promise<string[]> {
  const response = await fetch(`/tests/fixtures/exports/${file}`);
  expect(response.ok, `GET ${file}`).to.equal(true);
  const text = await response.text();
  const firstLine = text.split('\n')[0].replace(/\r$/, '');
  return firstLine.split(delimiter);
}

/** A header cell as a signature compares it. */
const clean = (cell: string) => cell.replace(/^\uFEFF/, '').trim();

describe('platform presets', () => {
  it('has one preset for each name, under its own name', () => {
    expect(Object.keys(PRESETS).sort()).to.deep.equal([...PRESET_NAMES].sort());
    for (const name of PRESET_NAMES) {
      expect(PRESETS[name].name).to.equal(name);
      expect(PRESETS[name].signature.length, name).to.be.greaterThan(2);
      expect(PRESETS[name].description, name).to.match(/\.$/);
    }
  });

  it('gives status words lower-cased and trimmed, each a known role', () => {
    for (const name of PRESET_NAMES) {
      for (const [word, role] of Object.entries(PRESETS[name].typeMap ?? {})) {
        expect(word, `${name}: ${word}`).to.equal(word.trim().toLowerCase());
        expect(['purchase', 'refund', 'ignore'], `${name}: ${word}`).to.include(role);
      }
      if (PRESETS[name].typeMap) expect(PRESETS[name].fields.type, `${name} maps a type column for its typeMap`).to.be.a('string');
    }
  });

  for (const { file, preset, delimiter } of FIXTURES) {
    describe(file, () => {
      it(`is detected as ${preset}`, async () => {
        const cells = await header(file, delimiter);
        expect(detectPreset(cells)?.name).to.equal(preset);
      });

      it('matches no other preset\'s signature', async () => {
        const names = new Set((await header(file, delimiter)).map(clean));
        const matching = PRESET_NAMES.filter((name) => PRESETS[name].signature.every((column) => names.has(column)));
        expect(matching).to.deep.equal([preset]);
      });

      it('has every column the preset maps', async () => {
        const names = new Set((await header(file, delimiter)).map(clean));
        for (const [field, column] of Object.entries(PRESETS[preset].fields)) {
          expect(names.has(column!), `${field} → "${column}"`).to.equal(true);
        }
      });
    });
  }

  it('detects nothing in a header of no known export', () => {
    expect(detectPreset(['date', 'amount', 'customer'])).to.equal(undefined);
    expect(detectPreset([])).to.equal(undefined);
  });

  it('ignores a BOM and spaces around header cells', () => {
    expect(detectPreset(['\uFEFF user_id ', ' timestamp', 'event '])?.name).to.equal('events');
  });

  it('prefers the longest signature a header matches', () => {
    const both = [...new Set([...PRESETS['stripe-subscriptions'].signature, ...PRESETS.events.signature])];
    expect(detectPreset(both)?.name).to.equal('stripe-subscriptions');
  });
});
