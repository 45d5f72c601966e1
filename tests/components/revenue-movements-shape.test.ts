/*
 * <revenue-movements> given a revenue-movements/1 document (what the command line and
 * retention-kit/sql write) draws the numbers it draws from the subscriptions themselves: the
 * Stripe subscriptions export as downloaded, its document made by the engine and passed
 * through JSON; another version of the shape is refused by name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { csvParse } from 'd3-dsv';
import '../../src/components/revenue-movements/define.ts';
import type { RevenueMovements } from '../../src/components/revenue-movements/revenue-movements.ts';
import { daysFromCivil } from '../../src/metrics/calendar/dates.ts';
import { revenueMovements } from '../../src/metrics/revenue-movements.ts';
import { revenueMovementsShapeOf } from '../../src/metrics/shapes/revenue-movements.ts';
import { readSubscriptions } from '../../src/metrics/subscriptions.ts';
import { settled } from './settled.ts';

const EXPORT = '/tests/fixtures/exports/stripe-subscriptions.csv';
const FIELDS = { customer: 'Customer ID', start: 'Start Date (UTC)', end: 'Ended At (UTC)', mrr: 'Amount' };
const AS_OF = '2024-10-09';

const tableRows = (el: Element) => [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));
const kpis = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="kpi-value"]')].map((value) => value.textContent!.trim());

async function exportRecords() {
  return csvParse(await (await fetch(EXPORT)).text());
}

/** The document the engine makes of the export, as a JSON file would bring it. */
async function exportDocument(granularity: 'month' | 'week' | 'quarter') {
  const subscriptions = readSubscriptions(await exportRecords(), { fields: FIELDS });
  if (!subscriptions.ok) throw new Error(JSON.stringify(subscriptions.error));
  const series = revenueMovements(subscriptions.value, { granularity });
  if (!series.ok) throw new Error(JSON.stringify(series.error));
  const [y, m, d] = AS_OF.split('-').map(Number);
  return JSON.parse(JSON.stringify(revenueMovementsShapeOf(series.value, { asOfDay: daysFromCivil(y, m, d) })));
}

async function drawn(template: unknown): Promise<RevenueMovements> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:720px">${template}</div>`);
  return settled(box.querySelector('revenue-movements')!, 20_000);
}

describe('<revenue-movements> reads a revenue-movements/1 document', () => {
  for (const granularity of ['month', 'week', 'quarter'] as const) {
    it(`the table, KPIs and selection of the Stripe export, ${granularity}ly, from the document as from the subscriptions`, async () => {
      const records = await exportRecords();
      const fromRows = await drawn(
        html`<revenue-movements .data=${records} granularity=${granularity} as-of=${AS_OF} customer-key=${FIELDS.customer} start-key=${FIELDS.start} end-key=${FIELDS.end} mrr-key=${FIELDS.mrr}></revenue-movements>`,
      );
      // The document brings its own calendar: the attribute says month, the document says otherwise.
      // No granularity on the element: it draws the document's own periods.
      const fromDocument = await drawn(html`<revenue-movements .data=${await exportDocument(granularity)}></revenue-movements>`);
      expect(fromRows.status, JSON.stringify(fromRows.error)).to.equal('ready');
      expect(fromDocument.status, JSON.stringify(fromDocument.error)).to.equal('ready');
      const table = tableRows(fromRows);
      expect(table.length).to.be.greaterThan(granularity === 'quarter' ? 3 : 9);
      expect(tableRows(fromDocument)).to.deep.equal(table);
      expect(kpis(fromDocument)).to.deep.equal(kpis(fromRows));
      expect(fromDocument.result!.defaultIndex).to.equal(fromRows.result!.defaultIndex);
      // The running last period is marked the same way in both.
      expect(table.at(-1)![0]).to.match(/not over yet/);
    });
  }

  it('the export in figures: June starts at 1,167, gains 27 new and 29 reactivated, loses 77 to churn', async () => {
    const el = await drawn(html`<revenue-movements .data=${await exportDocument('month')}></revenue-movements>`);
    const june = tableRows(el).find((row) => row[0] === 'Jun 2024')!;
    expect(june.slice(1, 8)).to.deep.equal(['$1,167', '$27', '$0', '$29', '$0', '$77', '-$21']);
  });

  it('a document of another version is refused by name', async () => {
    const el = await drawn(html`<revenue-movements .data=${{ shape: 'revenue-movements/2', granularity: 'month', periods: [] }}></revenue-movements>`);
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.textContent).to.match(/revenue-movements\/1/);
  });
});
