/**
 * What the race files share. Each race is a file of its own, so each has a page and an
 * engine (workers) of its own: a job left running by one race cannot make the next one look
 * stuck, and a race that does leave one behind fails by itself.
 */
import { expectNoFailures, make, runGroup, type Case } from '../harness.ts';
import { RECORD_ELEMENTS } from '../elements.ts';

export const ORDERS_JSON = '/tests/fixtures/components/contract-orders.json';
export const ORDER_ELEMENTS = RECORD_ELEMENTS.filter((spec) => spec.kind.name === 'orders');

let unique = 0;
/** A URL the engine has not seen (it keeps parsed files per URL). */
export const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}n=race-${Date.now()}-${unique++}`;
/** The test server's slow CSV (tests/server/request-log.mjs): rows arrive over a few seconds. */
export const slowCsv = (rows = 40_000, delay = 30) => fresh(`/__slow.csv?rows=${rows}&delay=${delay}`);
export const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The value each order element computes from its small records, by tag, as JSON. */
export async function referenceValues(): Promise<Map<string, string>> {
  const outcome = await runGroup('race references', () => ORDER_ELEMENTS.map((spec) => ({ name: `<${spec.tag}> reference`, el: make(spec.tag, { ...spec.attributes }, spec.kind.rows()) })));
  expectNoFailures(outcome);
  return new Map(outcome.cases.map((c) => [c.el.localName, JSON.stringify(c.el.result)]));
}

/** Adds a failure for every case that did not end with the reference value of its element. */
export function expectReference(reference: Map<string, string>, cases: Case[], failures: string[]): void {
  for (const c of cases) {
    if (c.el.status !== 'ready') failures.push(`${c.name}: ended ${c.el.status} ${c.el.error?.message ?? ''}, not with the newest input's result`);
    else if (JSON.stringify(c.el.result) !== reference.get(c.el.localName)) failures.push(`${c.name}: shows an older input's result`);
  }
}

/** Orders enough to keep a job computing for a while. */
export function manyOrders(rows: number, customers: number) {
  return Array.from({ length: rows }, (_, i) => ({
    customer: `c${i % customers}`,
    date: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    amount: 1 + (i % 90),
  }));
}
