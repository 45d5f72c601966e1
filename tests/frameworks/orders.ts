/**
 * The data both framework proofs hand to the elements, with the numbers each element
 * must show worked out by hand (the same fixtures as tests/components/).
 */

/*
 * Gauge, window 30 days, months. February 2024: S = active on Feb 1 = {a, b, c, d, f} = 5;
 * E = active on Mar 1 = {a, b, e, f} = 4; N = {e} = 1; lost = {c, d} = 2
 * → CRR = (4 − 1) / 5 = 60 %, churn = 2 / 5 = 40 %.
 */
export const GAUGE_ORDERS = [
  { customer: 'f', date: '2023-12-15', amount: 20 },
  { customer: 'a', date: '2024-01-10', amount: 10 },
  { customer: 'c', date: '2024-01-05', amount: 15 },
  { customer: 'b', date: '2024-01-20', amount: 30 },
  { customer: 'd', date: '2024-01-25', amount: 12 },
  { customer: 'f', date: '2024-01-28', amount: 22 },
  { customer: 'e', date: '2024-02-10', amount: 40 },
  { customer: 'a', date: '2024-02-15', amount: 11 },
  { customer: 'b', date: '2024-02-20', amount: 31 },
  { customer: 'f', date: '2024-02-25', amount: 25 },
  { customer: 'g', date: '2024-03-05', amount: 50 },
];

/*
 * Heatmap, monthly cohorts as of 2024-03-31, with the columns named the way a shop exports them.
 * Jan cohort {a, b, c}: k0 3/3, k1 a → 1/3 = 33 %, k2 a, b → 2/3 = 67 %.
 * Feb cohort {d, e}: k0 2/2, k1 d → 1/2 = 50 %. Mar cohort {f}: k0 1/1.
 */
export const HEATMAP_ORDERS = [
  { email: 'a', created_at: '2024-01-05', total: 10 },
  { email: 'b', created_at: '2024-01-20', total: 12 },
  { email: 'c', created_at: '2024-01-25', total: 8 },
  { email: 'a', created_at: '2024-02-10', total: 10 },
  { email: 'd', created_at: '2024-02-03', total: 20 },
  { email: 'e', created_at: '2024-02-14', total: 5 },
  { email: 'b', created_at: '2024-03-02', total: 12 },
  { email: 'a', created_at: '2024-03-15', total: 10 },
  { email: 'd', created_at: '2024-03-20', total: 20 },
  { email: 'f', created_at: '2024-03-09', total: 7 },
];
export const HEATMAP_CELL_TEXTS = ['100%', '33%', '67%', '100%', '50%', '100%'];

/** Pre-aggregated churn per month: 25 / 500 = 5 %, 52 / 520 = 10 %. */
export const PERIODS = [
  { period: '2024-01', start: 500, lost: 25 },
  { period: '2024-02', start: 520, lost: 52 },
];
/** The same months after an update: 24 / 480 = 5 %. */
export const PERIODS_UPDATED = [...PERIODS, { period: '2024-03', start: 480, lost: 24 }];

export const shadowText = (el: Element, selector: string) =>
  el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const cellTexts = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="cells"] [part="cell-text"]')].map((t) => t.textContent);

export const tableRows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim()));

/** One column of an element's hidden data table, found by its header (the table gains columns, e.g. a verdict, over time). */
export function tableColumn(el: Element, header: RegExp): string[] {
  const headers = [...el.shadowRoot!.querySelectorAll('table thead th')].map((cell) => cell.textContent!.trim());
  const index = headers.findIndex((text) => header.test(text));
  if (index < 0) throw new Error(`no column ${header} among ${JSON.stringify(headers)}`);
  return tableRows(el).map((row) => row[index]);
}
