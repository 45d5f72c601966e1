/*
 * The element contract (DESIGN.md, "Element contract"), run over every element
 * that computes from transactions. Each element is one entry of CONTRACT: its
 * tag, the attributes it needs, the numbers hand-computed below for ONE shared
 * fixture of orders, and three readers that turn the element into numbers:
 * from `el.result`, from the hidden table and from the drawing. The suite then
 * checks, for every entry: each input route, updates, the error paths, the
 * aborted-request race, hidden table = drawing, text-only output, axe.
 *
 * Adding an element = adding one entry (its `define` import included).
 *
 * ---------------------------------------------------------------------------
 * The fixture: tests/fixtures/components/contract-orders.json (same rows as
 * contract-orders.csv, there with the columns email, created_at, total).
 *
 *   a: Jan 5 (10), Feb 3 (20), Mar 2 (15)     e: Feb 15 (12), Mar 10 (12)
 *   b: Jan 12 (25), Mar 20 (30)               f: Mar 5 (50)
 *   c: Jan 20 (8)                             g: Mar 31 (9)
 *   d: Feb 10 (40), Feb 25 (5)  (listed out of order in the file)
 *
 * The last row is 2024-03-31, so every month (Jan–Mar 2024) is complete.
 *
 * Activity (window-days = 30): a customer is active on day t when they bought
 * on a day in [t − 30, t).
 *   Feb 1 (window Jan 2 … Jan 31): a, b, c                         → 3
 *   Mar 1 (window Jan 31 … Feb 29, 2024 is a leap year): a, d, e   → 3
 *   Apr 1 (window Mar 2 … Mar 31): a (Mar 2, the window's first day), b, e, f, g → 5
 * January:  S = 0 (nobody before Jan 5): no rate; E = 3, N = 3.
 * February: S = 3, E = 3, N = {d, e} = 2, lost = {b, c} = 2, reactivated 0;
 *           CRR = (3 − 2) / 3 = 33.3 %, churn = 2 / 3 = 66.7 %.
 * March:    S = 3, E = 5, N = {f, g} = 2, lost = {d} = 1, reactivated = {b} = 1
 *           (E = S − lost + N + reactivated = 3 − 1 + 2 + 1 = 5);
 *           CRR = (5 − 2) / 3 = 100 %, churn = 1 / 3 = 33.3 %,
 *           no change vs February: February is warming up (below), so it is no baseline (#12).
 * Window starts before the data (Jan 5): January (Dec 2) and February (Jan 2);
 * March's (Jan 31) does not.
 *
 * Monthly cohorts (first purchase month), share active k months later:
 *   Jan {a, b, c}, 3: k0 3/3, k1 {a} 1/3, k2 {a, b} 2/3
 *   Feb {d, e}, 2:    k0 2/2, k1 {e} 1/2, k2 not reached
 *   Mar {f, g}, 2:    k0 2/2, k1, k2 not reached
 *   Average (customers active / customers who reached k):
 *     k0 7/7 = 100 %, k1 (1 + 1) / (3 + 2) = 40 %, k2 2/3 = 66.7 %
 *
 * The same orders without customer b ("withoutB", for updates and the race):
 *   Feb 1: a, c → 2; Mar 1: a, d, e → 3; Apr 1: a, e, f, g → 4.
 *   February: S = 2, lost = {c} = 1, churn 1/2; CRR = (3 − 2) / 2 = 50 %.
 *   March:    S = 3, E = 4, N = 2, lost = {d} = 1, reactivated 0;
 *             CRR = (4 − 2) / 3 = 66.7 %, churn 33.3 %, change = 2/3 − 1/2 = +16.7 points.
 *   Cohorts: Jan {a, c}: 1, 1/2 ({a}), 1/2 ({a}); Feb {d, e}: 1, 1/2; Mar {f, g}: 1.
 *   Average: k0 1, k1 (1 + 1) / (2 + 2) = 50 %, k2 1/2 = 50 %.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ElementError } from '../../src/components/platform/errors.ts';
import type { RetentionElement } from '../../src/components/platform/retention-element.ts';
import '../../src/components/retention-source/define.ts';
import { periodLabel, type PeriodKeys } from '../../src/metrics/calendar/calendar.ts';

const FIXTURES = '/tests/fixtures/components';
const ORDERS_JSON = `${FIXTURES}/contract-orders.json`;
const ORDERS_CSV = `${FIXTURES}/contract-orders.csv`;
/** The CSV's column names, mapped with the field attributes. */
const CSV_MAPPING = { 'customer-key': 'email', 'date-key': 'created_at', 'amount-key': 'total' };

type Element_ = RetentionElement<unknown, unknown>;
/** Numbers keyed by what they are ("Feb 2024 rate", "S" …); null = shown as not defined / not reached. */
type Numbers = Record<string, number | null>;

interface ContractEntry {
  tag: string;
  /** Registers the element (its define.ts). */
  define: () => Promise<unknown>;
  /** Attributes every instance gets: the options the expected numbers assume. */
  attributes: Record<string, string>;
  /** Hand-computed numbers (see the comment at the top) for the fixture and for it without customer b. */
  expected: { orders: Numbers; withoutB: Numbers };
  /** Reads the computed value. */
  fromValue: (el: Element_) => Numbers;
  /** Reads the visually hidden data table (text parsed back to numbers). */
  fromTable: (el: Element_) => Numbers;
  /** Reads what is drawn: text in the drawing, positions inverted through the drawn scale. */
  fromDrawing: (el: Element_) => Numbers;
  /** The drawing (CSS selector in the shadow root): the element is drawn once it exists. */
  drawing: string;
  /** Which of the table's (non-null) numbers must also be drawn. */
  mustDraw: (key: string) => boolean;
  /** Rounding of the table's text (0.1 % → 0.0005) and of the drawing. */
  tableTolerance: number;
  drawingTolerance: number;
  /** Plain number attributes, where the element has them, and what they give. */
  plain?: { attributes: Record<string, string>; expected: Numbers };
}

// ---- reading shadow DOM -----------------------------------------------------------------

const shadow = (el: Element) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const partText = (el: Element, name: string) => textOf(shadow(el).querySelector(`[part~="${name}"]`));
const numberAttribute = (node: Element, name: string) => Number(node.getAttribute(name));

/**
 * A shown number back as a number (English formatting): "66.7%" → 0.667,
 * "+16.7 pp" → 0.167, "1,234" → 1234; "", "–" → null.
 */
function parseShown(text: string): number | null {
  const match = text.replace(/,/g, '').replace(/−/g, '-').match(/[-+]?\d+(?:\.\d+)?/);
  if (!match) return null;
  const number = Number(match[0]);
  return /%|\bpp\b/.test(text) ? number / 100 : number;
}

/** Body rows of the hidden table, as cell texts (the row header first). */
function tableCells(el: Element): string[][] {
  return [...shadow(el).querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => textOf(cell)));
}

/**
 * The drawn label nearest to coordinate `at`, within 4 px (labels are centred
 * on their row or column; cells may sit half a pixel off for their gap).
 */
function labelAt(labels: { at: number; text: string }[], at: number): string | undefined {
  let best: { at: number; text: string } | undefined;
  for (const label of labels) if (!best || Math.abs(label.at - at) < Math.abs(best.at - at)) best = label;
  return best && Math.abs(best.at - at) < 4 ? best.text : undefined;
}

/** The y value of a drawn height, through the scale its y-axis labels show (first and last tick). */
function yScaleOf(root: ShadowRoot): ((y: number) => number) | undefined {
  const ticks = [...root.querySelectorAll('[part~="y-axis"] text')].map((t) => ({ y: numberAttribute(t, 'y'), value: parseShown(textOf(t))! }));
  if (ticks.length < 2) return undefined;
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]];
  return (y) => lo.value + ((y - lo.y) * (hi.value - lo.value)) / (hi.y - lo.y);
}

// ---- the entries ------------------------------------------------------------------------

/** <retention-gauge>: rows of its table by label. */
const GAUGE_ROWS: Record<string, string> = {
  'Customers at period start (S)': 'S',
  'Customers at period end (E)': 'E',
  'New customers (N)': 'N',
  'Customers lost': 'lost',
  'Customers back after a gap': 'reactivated',
  'Retention rate (E − N) / S': 'retention',
  'Churn rate': 'churn',
  'Retention rate, previous period': 'previous',
  Change: 'delta',
};

interface GaugeValue {
  start: number;
  end: number;
  new: number;
  lost: number | null;
  reactivated: number | null;
  retention: number;
  churn: number;
  previousRetention: number | null;
  delta: number | null;
}

const retentionGauge: ContractEntry = {
  tag: 'retention-gauge',
  define: () => import('../../src/components/retention-gauge/define.ts'),
  attributes: { 'window-days': '30' },
  expected: {
    // March 2024, the last complete period (see the top). February's 30-day window reaches back before the
    // first purchase: it is warming up (#12), so no change is measured against it.
    orders: { S: 3, E: 5, N: 2, lost: 1, reactivated: 1, retention: 1, churn: 1 / 3, previous: null, delta: null },
    withoutB: { S: 3, E: 4, N: 2, lost: 1, reactivated: 0, retention: 2 / 3, churn: 1 / 3, previous: null, delta: null },
  },
  fromValue: (el) => {
    const v = el.result as GaugeValue;
    return { S: v.start, E: v.end, N: v.new, lost: v.lost, reactivated: v.reactivated, retention: v.retention, churn: v.churn, previous: v.previousRetention, delta: v.delta };
  },
  fromTable: (el) => {
    const numbers: Numbers = {};
    for (const [label, shown] of tableCells(el)) if (GAUGE_ROWS[label]) numbers[GAUGE_ROWS[label]] = parseShown(shown);
    return numbers;
  },
  fromDrawing: (el) => {
    const numbers: Numbers = {};
    // The value inside the dial (not the fallback text without a dial).
    const dialValue = shadow(el).querySelector('.dial [part~="value"]');
    if (dialValue) numbers.retention = parseShown(textOf(dialValue));
    for (const name of ['churn', 'delta'] as const) {
      const shown = partText(el, name);
      if (shown) numbers[name] = parseShown(shown);
    }
    // "1 customer came back after a gap …": the count leads the note.
    const reactivated = partText(el, 'reactivated').match(/^\d+/);
    if (reactivated) numbers.reactivated = Number(reactivated[0]);
    return numbers;
  },
  drawing: 'svg[part~="gauge"]',
  mustDraw: (key) => key === 'retention' || key === 'churn' || key === 'delta',
  tableTolerance: 0.0005 + 1e-9,
  drawingTolerance: 0.0005 + 1e-9,
  plain: {
    // CRR = (520 − 45) / 500 = 95 %; churn = 25 / 500 = 5 %; reactivated = 475 − (500 − 25) = 0.
    attributes: { start: '500', end: '520', new: '45', lost: '25' },
    expected: { S: 500, E: 520, N: 45, lost: 25, reactivated: 0, retention: 0.95, churn: 0.05, previous: null, delta: null },
  },
};

/** The jobs return period keys; the page labels them (here in English, as the tables show them). */
const english = (key: string, value: PeriodKeys) => periodLabel(key, value, 'en');

interface TrendValue extends PeriodKeys {
  points: { key: string; start: number; lost: number; rate: number | null }[];
}

/** "Feb 2024 (not enough history: …)" → "Feb 2024". */
const periodOfRow = (text: string) => text.replace(/\s*\(.*\)$/, '');

const churnTrend: ContractEntry = {
  tag: 'churn-trend',
  define: () => import('../../src/components/churn-trend/define.ts'),
  attributes: { 'window-days': '30' },
  expected: {
    // February's window reaches back before the first purchase: warming up, no rate (#12).
    orders: {
      'Jan 2024 S': 0, 'Jan 2024 lost': 0, 'Jan 2024 rate': null,
      'Feb 2024 S': 3, 'Feb 2024 lost': 2, 'Feb 2024 rate': null,
      'Mar 2024 S': 3, 'Mar 2024 lost': 1, 'Mar 2024 rate': 1 / 3,
    },
    withoutB: {
      'Jan 2024 S': 0, 'Jan 2024 lost': 0, 'Jan 2024 rate': null,
      'Feb 2024 S': 2, 'Feb 2024 lost': 1, 'Feb 2024 rate': null,
      'Mar 2024 S': 3, 'Mar 2024 lost': 1, 'Mar 2024 rate': 1 / 3,
    },
  },
  fromValue: (el) => {
    const numbers: Numbers = {};
    const value = el.result as TrendValue;
    for (const p of value.points) {
      const label = english(p.key, value);
      Object.assign(numbers, { [`${label} S`]: p.start, [`${label} lost`]: p.lost, [`${label} rate`]: p.rate });
    }
    return numbers;
  },
  fromTable: (el) => {
    const numbers: Numbers = {};
    for (const [period, start, lost, rate] of tableCells(el)) {
      const label = periodOfRow(period);
      Object.assign(numbers, { [`${label} S`]: parseShown(start), [`${label} lost`]: parseShown(lost), [`${label} rate`]: parseShown(rate) });
    }
    return numbers;
  },
  fromDrawing: (el) => {
    // Rates from the markers' heights, through the scale the y axis labels show.
    const root = shadow(el);
    const rateAt = yScaleOf(root);
    const xLabels = [...root.querySelectorAll('[part~="x-axis"] text')].map((t) => ({ at: numberAttribute(t, 'x'), text: textOf(t) }));
    const numbers: Numbers = {};
    if (!rateAt) return numbers;
    for (const marker of root.querySelectorAll('circle[part~="point"]')) {
      const label = labelAt(xLabels, numberAttribute(marker, 'cx'));
      if (label) numbers[`${label} rate`] = rateAt(numberAttribute(marker, 'cy'));
    }
    return numbers;
  },
  drawing: '[part~="chart"] svg',
  mustDraw: (key) => key.endsWith(' rate'),
  tableTolerance: 0.0005 + 1e-9,
  drawingTolerance: 0.001,
};

interface HeatmapValue extends PeriodKeys {
  cohorts: { key: string; size: number; cells: (number | null)[] }[];
  average: (number | null)[];
}

const cohortHeatmap: ContractEntry = {
  tag: 'cohort-heatmap',
  define: () => import('../../src/components/cohort-heatmap/define.ts'),
  attributes: {},
  expected: {
    orders: {
      'Jan 2024 size': 3, 'Jan 2024 k0': 1, 'Jan 2024 k1': 1 / 3, 'Jan 2024 k2': 2 / 3,
      'Feb 2024 size': 2, 'Feb 2024 k0': 1, 'Feb 2024 k1': 1 / 2, 'Feb 2024 k2': null,
      'Mar 2024 size': 2, 'Mar 2024 k0': 1, 'Mar 2024 k1': null, 'Mar 2024 k2': null,
      'Average k0': 1, 'Average k1': 2 / 5, 'Average k2': 2 / 3,
    },
    withoutB: {
      'Jan 2024 size': 2, 'Jan 2024 k0': 1, 'Jan 2024 k1': 1 / 2, 'Jan 2024 k2': 1 / 2,
      'Feb 2024 size': 2, 'Feb 2024 k0': 1, 'Feb 2024 k1': 1 / 2, 'Feb 2024 k2': null,
      'Mar 2024 size': 2, 'Mar 2024 k0': 1, 'Mar 2024 k1': null, 'Mar 2024 k2': null,
      'Average k0': 1, 'Average k1': 1 / 2, 'Average k2': 1 / 2,
    },
  },
  fromValue: (el) => {
    const value = el.result as HeatmapValue;
    const numbers: Numbers = {};
    for (const cohort of value.cohorts) {
      const label = english(cohort.key, value);
      numbers[`${label} size`] = cohort.size;
      cohort.cells.forEach((cell, k) => (numbers[`${label} k${k}`] = cell));
    }
    value.average.forEach((cell, k) => (numbers[`Average k${k}`] = cell));
    return numbers;
  },
  fromTable: (el) => {
    const numbers: Numbers = {};
    for (const [label, size, ...cells] of tableCells(el)) {
      if (size !== '') numbers[`${label} size`] = parseShown(size);
      cells.forEach((cell, k) => (numbers[`${label} k${k}`] = parseShown(cell)));
    }
    return numbers;
  },
  fromDrawing: (el) => {
    // Cell texts, placed by the drawn row labels (y) and column labels (x); sizes are the texts under the "Customers" header.
    const root = shadow(el);
    const rows = [...root.querySelectorAll('[part~="row-label"], [part~="average-label"]')].map((t) => ({ at: numberAttribute(t, 'y'), text: textOf(t) }));
    const headers = [...root.querySelectorAll('[part~="column-labels"] text')].map((t) => ({ at: numberAttribute(t, 'x'), text: textOf(t) }));
    const columns = headers.filter((h) => /^\d+$/.test(h.text)).map((h) => ({ at: h.at, text: `k${h.text}` }));
    // The "Customers" header stands over the sizes, in the cohort labels' own drawing (which stays put while the grid scrolls).
    const sizeHeader = [...root.querySelectorAll('[part~="row-labels"] text:not([part])')].find((t) => !/\d/.test(textOf(t)));
    const sizeX = sizeHeader ? numberAttribute(sizeHeader, 'x') : undefined;
    const numbers: Numbers = {};
    for (const text of root.querySelectorAll('[part~="cell-text"]')) {
      const row = labelAt(rows, numberAttribute(text, 'y'));
      const column = labelAt(columns, numberAttribute(text, 'x'));
      if (row && column) numbers[`${row} ${column}`] = parseShown(textOf(text));
    }
    for (const text of root.querySelectorAll('[part~="row-labels"] text:not([part])')) {
      const row = labelAt(rows, numberAttribute(text, 'y'));
      if (row && sizeX !== undefined && Math.abs(numberAttribute(text, 'x') - sizeX) < 1) numbers[`${row} size`] = parseShown(textOf(text));
    }
    return numbers;
  },
  drawing: '[part~="chart"] svg',
  mustDraw: () => true,
  tableTolerance: 0.0005 + 1e-9,
  // Cells show whole percent.
  drawingTolerance: 0.005 + 1e-9,
};

interface CurveValue extends PeriodKeys {
  cohorts: { key: string; size: number; values: (number | null)[] }[];
  average: (number | null)[];
}

/*
 * <retention-curve mode="on"> (the default): active in period k, the cohort
 * matrix as curves. Every period of the fixture is complete (last row Mar 31),
 * so the average over complete periods is the heatmap's average row.
 */
const retentionCurve: ContractEntry = {
  tag: 'retention-curve',
  define: () => import('../../src/components/retention-curve/define.ts'),
  attributes: {},
  expected: cohortHeatmap.expected,
  fromValue: (el) => {
    const value = el.result as CurveValue;
    const numbers: Numbers = {};
    for (const cohort of value.cohorts) {
      const label = english(cohort.key, value);
      numbers[`${label} size`] = cohort.size;
      cohort.values.forEach((v, k) => (numbers[`${label} k${k}`] = v));
    }
    value.average.forEach((v, k) => (numbers[`Average k${k}`] = v));
    return numbers;
  },
  fromTable: cohortHeatmap.fromTable,
  fromDrawing: (el) => {
    // Markers: the curve by its legend entry (data-index), the period by the x-axis label, the value through the y scale.
    const root = shadow(el);
    const yValue = yScaleOf(root);
    const names = new Map([...root.querySelectorAll('[part~="legend-item"]')].map((item) => [item.getAttribute('data-index'), textOf(item)]));
    const periods = [...root.querySelectorAll('[part~="x-axis"] text')].filter((t) => /^\d+$/.test(textOf(t))).map((t) => ({ at: numberAttribute(t, 'x'), text: `k${textOf(t)}` }));
    const numbers: Numbers = {};
    if (!yValue) return numbers;
    for (const group of root.querySelectorAll('g[part~="curve"], g[part~="average"]')) {
      const name = names.get(group.getAttribute('data-index'));
      for (const marker of group.querySelectorAll('circle')) {
        const k = labelAt(periods, numberAttribute(marker, 'cx'));
        if (name && k) numbers[`${name} ${k}`] = yValue(numberAttribute(marker, 'cy'));
      }
    }
    return numbers;
  },
  drawing: '[part~="chart"] svg',
  mustDraw: (key) => / k\d+$/.test(key),
  tableTolerance: 0.0005 + 1e-9,
  drawingTolerance: 0.001,
};

interface CycleValue {
  median: number | null;
  mean: number | null;
  suggestedWindowDays: number | null;
  gapCount: number;
  customersWithRepeat: number;
  histogram: { fromDays: number; toDays: number; count: number }[];
}

/*
 * <purchase-cycle bin-width="30" max-days="90">: days between a customer's
 * consecutive purchase days (see the top for the dates).
 *   a: Jan 5 → Feb 3 = 29, Feb 3 → Mar 2 = 28 (2024-02 has 29 days); b: Jan 12 → Mar 20 = 31 + 29 + 8 = 68;
 *   d: Feb 10 → Feb 25 = 15; e: Feb 15 → Mar 10 = 24. c, f, g bought once.
 * Gaps 15, 24, 28, 29, 68: 5 gaps of 4 customers; median 28; mean 164 / 5 = 32.8;
 * suggested window ⌈3 × 28⌉ = 84. Bars of 30 days: 1–30 {15, 24, 28, 29} 4 (80 %),
 * 31–60 0, 61–90 {68} 1 (20 %).
 * Without b: gaps 15, 24, 28, 29: median (24 + 28) / 2 = 26, mean 96 / 4 = 24,
 * window ⌈78⌉ = 78, 4 gaps of 3 customers; one bar 1–30 (the longest gap is 29): 4, 100 %.
 */
const CYCLE_CAPTION = /median ([\d.,]+) days, mean ([\d.,]+) days, over ([\d,]+) repeat purchases of ([\d,]+) customers\. Suggested retention window: ([\d,]+) days/;

const purchaseCycle: ContractEntry = {
  tag: 'purchase-cycle',
  define: () => import('../../src/components/purchase-cycle/define.ts'),
  attributes: { 'bin-width': '30', 'max-days': '90' },
  expected: {
    orders: {
      median: 28, mean: 32.8, window: 84, gaps: 5, customers: 4,
      '1–30 count': 4, '1–30 share': 0.8, '31–60 count': 0, '31–60 share': 0, '61–90 count': 1, '61–90 share': 0.2,
    },
    withoutB: { median: 26, mean: 24, window: 78, gaps: 4, customers: 3, '1–30 count': 4, '1–30 share': 1 },
  },
  fromValue: (el) => {
    const v = el.result as CycleValue;
    const numbers: Numbers = { median: v.median, mean: v.mean, window: v.suggestedWindowDays, gaps: v.gapCount, customers: v.customersWithRepeat };
    for (const bin of v.histogram) {
      const label = bin.toDays - 1 > bin.fromDays ? `${bin.fromDays}–${bin.toDays - 1}` : `${bin.fromDays}`;
      numbers[`${label} count`] = bin.count;
      numbers[`${label} share`] = bin.count / v.gapCount;
    }
    return numbers;
  },
  fromTable: (el) => {
    // Median, mean and window are in the caption (the summary); the bars are the rows.
    const numbers: Numbers = {};
    const caption = textOf(shadow(el).querySelector('table caption')).match(CYCLE_CAPTION);
    if (caption) {
      const [median, mean, gaps, customers, window] = caption.slice(1).map((text) => parseShown(text));
      Object.assign(numbers, { median, mean, gaps, customers, window });
    }
    for (const [label, count, share] of tableCells(el)) Object.assign(numbers, { [`${label} count`]: parseShown(count), [`${label} share`]: parseShown(share) });
    return numbers;
  },
  fromDrawing: (el) => {
    // Bar heights through the y scale, named by the x-axis label under them; the legend's values.
    const root = shadow(el);
    const numbers: Numbers = {};
    for (const name of ['median', 'mean', 'window']) {
      const shown = partText(el, name);
      if (shown) numbers[name] = parseShown(shown);
    }
    const yValue = yScaleOf(root);
    const labels = [...root.querySelectorAll('[part~="x-axis"] text')].map((t) => ({ at: numberAttribute(t, 'x'), text: textOf(t) }));
    if (!yValue) return numbers;
    for (const bar of root.querySelectorAll('rect[part~="bar"]')) {
      const label = labelAt(labels, numberAttribute(bar, 'x') + numberAttribute(bar, 'width') / 2);
      if (label) numbers[`${label} count`] = yValue(numberAttribute(bar, 'y'));
    }
    return numbers;
  },
  drawing: '[part~="chart"] svg',
  mustDraw: (key) => key.endsWith(' count') || key === 'median' || key === 'mean' || key === 'window',
  tableTolerance: 0.0005 + 1e-9,
  // Bar heights are in counts: a hundredth of a gap is far below a pixel here.
  drawingTolerance: 0.01,
};

interface KpiValue extends PeriodKeys {
  input: string;
  value: number | null;
  previous: number | null;
  delta: number | null;
  points: { key: string; value: number | null }[];
}

/*
 * <kpi-tile metric="active-customers" window-days="30">: customers active at
 * each period's end (E of the churn series, see the top): Jan 3, Feb 3, Mar 5.
 * The tile shows March (the last complete period): 5, change 5 − 3 = +2.
 * Without b: Jan 2 ({a, c}), Feb 3, Mar 4: 4, change +1.
 * The table lists the periods; the shown value and its change are its last
 * row and the difference to the row before.
 */
const KPI_TYPED_ROWS = { previous: 'Previous period', value: 'Value' };

const kpiTile: ContractEntry = {
  tag: 'kpi-tile',
  define: () => import('../../src/components/kpi-tile/define.ts'),
  attributes: { metric: 'active-customers', 'window-days': '30' },
  expected: {
    orders: { value: 5, previous: 3, delta: 2, 'Jan 2024': 3, 'Feb 2024': 3, 'Mar 2024': 5 },
    withoutB: { value: 4, previous: 3, delta: 1, 'Jan 2024': 2, 'Feb 2024': 3, 'Mar 2024': 4 },
  },
  fromValue: (el) => {
    const v = el.result as KpiValue;
    const numbers: Numbers = { value: v.value, previous: v.previous, delta: v.delta };
    // Typed figures carry their one value as a point too; only periods computed from records are listed.
    if (v.input !== 'numbers') for (const point of v.points) numbers[english(point.key, v)] = point.value;
    return numbers;
  },
  fromTable: (el) => {
    const rows = tableCells(el).map(([label, shown]) => [label.replace(/ \(so far\)$/, ''), parseShown(shown)] as const);
    const numbers: Numbers = {};
    const typed = rows.some(([label]) => label === KPI_TYPED_ROWS.previous || label === KPI_TYPED_ROWS.value);
    if (typed) {
      for (const [label, number] of rows) numbers[label === KPI_TYPED_ROWS.previous ? 'previous' : 'value'] = number;
    } else {
      for (const [label, number] of rows) numbers[label] = number;
      numbers.value = rows.at(-1)?.[1] ?? null;
      numbers.previous = rows.at(-2)?.[1] ?? null;
    }
    numbers.delta = numbers.value != null && numbers.previous != null ? numbers.value - numbers.previous : null;
    return numbers;
  },
  fromDrawing: (el) => {
    const numbers: Numbers = {};
    for (const name of ['value', 'delta']) {
      const shown = partText(el, name);
      if (shown) numbers[name] = parseShown(shown);
    }
    return numbers;
  },
  // A tile: its value is there at once; the sparkline (not read) follows the size.
  drawing: '[part~="value"]',
  mustDraw: (key) => key === 'value' || key === 'delta',
  tableTolerance: 1e-9,
  drawingTolerance: 1e-9,
  plain: {
    // Typed figures: 120 now, 100 before → +20.
    attributes: { value: '120', previous: '100' },
    expected: { value: 120, previous: 100, delta: 20 },
  },
};

/** Every element with a transaction-data route. */
const CONTRACT: ContractEntry[] = [retentionGauge, churnTrend, cohortHeatmap, retentionCurve, purchaseCycle, kpiTile];

// ---- helpers ----------------------------------------------------------------------------

interface Row {
  customer: string;
  date: string;
  amount: number;
}

let ORDERS: Row[] = [];
let WITHOUT_B: Row[] = [];
let ORDERS_CSV_TEXT = '';

/** Everything an element fired since it was made. */
interface Log {
  errors: ElementError[];
  changes: number;
}
const logs = new WeakMap<Element, Log>();
const logOf = (el: Element) => logs.get(el)!;

interface MountOptions {
  attributes?: Record<string, string>;
  properties?: Record<string, unknown>;
  script?: { type: 'application/json' | 'text/csv'; text: string };
}

/** The element of `entry` in a 640 px box, with its attributes, listened to from before it connects. */
function create(entry: ContractEntry, options: MountOptions = {}): Element_ {
  const el = document.createElement(entry.tag) as Element_;
  for (const [name, value] of Object.entries({ ...entry.attributes, ...options.attributes })) el.setAttribute(name, value);
  Object.assign(el, options.properties);
  if (options.script) {
    const script = document.createElement('script');
    script.type = options.script.type;
    script.textContent = options.script.text;
    el.append(script);
  }
  const log: Log = { errors: [], changes: 0 };
  logs.set(el, log);
  el.addEventListener('error', (event) => log.errors.push((event as unknown as CustomEvent<ElementError>).detail));
  el.addEventListener('metric-change', () => log.changes++);
  return el;
}

async function mount(entry: ContractEntry, options: MountOptions = {}): Promise<Element_> {
  const el = create(entry, options);
  await fixture(html`<div style="width: 640px">${el}</div>`);
  return el;
}

const settled = (el: Element_) => waitUntil(() => el.status === 'ready' || el.status === 'error', `<${el.localName}> did not settle`, { timeout: 10_000 });

const entryOf = (el: Element) => CONTRACT.find((entry) => entry.tag === el.localName)!;

/** Waits for a result and, when there is one, for the drawing. */
async function ready(el: Element_): Promise<Element_> {
  await settled(el);
  const drawing = entryOf(el).drawing;
  if (el.status === 'ready') await waitUntil(() => shadow(el).querySelector(drawing), `<${el.localName}> did not draw`, { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

function expectNumbers(actual: Numbers, expected: Numbers, tolerance: number, what: string): void {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    // A number missing from a table or a value means "not shown": the same as null.
    const a = actual[key] ?? null;
    const e = expected[key] ?? null;
    if (e === null || a === null) expect(a, `${what}: ${key}`).to.equal(e);
    else expect(a, `${what}: ${key}`).to.be.closeTo(e, tolerance);
  }
}

/** The value, the hidden table and the drawing all show `expected`. */
function expectShown(entry: ContractEntry, el: Element_, expected: Numbers): void {
  expect(el.status, JSON.stringify(el.error)).to.equal('ready');
  expectNumbers(entry.fromValue(el), expected, 1e-9, 'value');
  expectNumbers(entry.fromTable(el), expected, entry.tableTolerance, 'hidden table');
  const drawn = entry.fromDrawing(el);
  for (const key of Object.keys(expected)) if (expected[key] !== null && entry.mustDraw(key)) expect(drawn[key], `${key} is drawn`).to.be.a('number');
  for (const [key, number] of Object.entries(drawn)) {
    expect(key in expected, `drawn ${key} is a number of the result`).to.equal(true);
    if (expected[key] === null) expect(number, `drawing: ${key}`).to.equal(null);
    else expect(number, `drawing: ${key}`).to.be.closeTo(expected[key]!, entry.drawingTolerance);
  }
}

async function expectLoadError(el: Element_, detail: Partial<ElementError> & Record<string, unknown>, message: string): Promise<void> {
  await settled(el);
  await el.updateComplete;
  expect(el.status).to.equal('error');
  await waitUntil(() => logOf(el).errors.length > 0, 'no error event');
  expect(logOf(el).errors[logOf(el).errors.length - 1]).to.include(detail);
  const shown = shadow(el).querySelector('[part~="message"]');
  expect(shown?.getAttribute('role')).to.equal('alert');
  expect(textOf(shown)).to.contain(message);
  expect(shadow(el).querySelector('svg'), 'nothing drawn with an error').to.equal(null);
}

/** Replaces window.fetch for one test; returns the restore function. */
function stubFetch(stub: typeof window.fetch): () => void {
  const original = window.fetch;
  window.fetch = stub;
  return () => {
    window.fetch = original;
  };
}

/** The path a stubbed fetch was asked for (the engine asks for absolute URLs). */
const pathOf = (input: RequestInfo | URL) => new URL(String(input), location.href).pathname;

/** What the test server saw of requests tagged `?log=<token>` (tests/server/request-log.mjs). */
async function requestLog(token: string): Promise<{ count: number; rowsSent?: number; closedEarly?: boolean }> {
  return (await window.fetch(`/__requests?log=${encodeURIComponent(token)}`)).json();
}

const jsonResponse = (rows: unknown) => new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
let sourceCount = 0;
const sourceId = (tag: string) => `contract-${tag}-${++sourceCount}`;

// ---- the suite ----------------------------------------------------------------------------

before(async () => {
  ORDERS = await (await fetch(ORDERS_JSON)).json();
  WITHOUT_B = ORDERS.filter((row) => row.customer !== 'b');
  ORDERS_CSV_TEXT = await (await fetch(ORDERS_CSV)).text();
  await Promise.all(CONTRACT.map((entry) => entry.define()));
});

describe('element contract: the fixture', () => {
  it('the JSON and CSV fixtures hold the same twelve orders', () => {
    expect(ORDERS).to.have.length(12);
    const csvRows = ORDERS_CSV_TEXT.trim().split('\n').slice(1).map((line) => line.split(','));
    expect(csvRows.map(([customer, date, amount]) => ({ customer, date, amount: Number(amount) }))).to.deep.equal(ORDERS);
  });
});

for (const entry of CONTRACT) {
  const { tag } = entry;

  describe(`element contract <${tag}>: input routes`, () => {
    it('JSON data attribute', async () => {
      const el = await ready(await mount(entry, { attributes: { data: JSON.stringify(ORDERS) } }));
      expectShown(entry, el, entry.expected.orders);
    });

    it('data property', async () => {
      const el = await ready(await mount(entry, { properties: { data: ORDERS } }));
      expectShown(entry, el, entry.expected.orders);
    });

    it('src JSON', async () => {
      const el = await ready(await mount(entry, { attributes: { src: ORDERS_JSON } }));
      expectShown(entry, el, entry.expected.orders);
    });

    it('src CSV with customer-key, date-key, amount-key', async () => {
      const el = await ready(await mount(entry, { attributes: { src: ORDERS_CSV, ...CSV_MAPPING } }));
      expectShown(entry, el, entry.expected.orders);
    });

    it('inline JSON script, also when it is added after the element connected', async () => {
      const el = await ready(await mount(entry, { script: { type: 'application/json', text: JSON.stringify(ORDERS) } }));
      expectShown(entry, el, entry.expected.orders);

      const late = await mount(entry);
      expect(late.status).to.equal('idle');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(ORDERS);
      late.append(script);
      await ready(late);
      expectShown(entry, late, entry.expected.orders);
    });

    it('inline CSV script with field mapping', async () => {
      const el = await ready(await mount(entry, { attributes: CSV_MAPPING, script: { type: 'text/csv', text: ORDERS_CSV_TEXT } }));
      expectShown(entry, el, entry.expected.orders);
    });

    it('a shared <retention-source> serves two widgets, one before and one after it, with one fetch', async () => {
      const id = sourceId(tag);
      const first = create(entry, { attributes: { source: id } });
      const second = create(entry, { attributes: { source: id } });
      await fixture(html`<div style="width: 640px">${first}<retention-source id=${id} src=${`${ORDERS_JSON}?log=${id}`}></retention-source>${second}</div>`);
      await ready(first);
      await ready(second);
      expectShown(entry, first, entry.expected.orders);
      expectShown(entry, second, entry.expected.orders);
      expect((await requestLog(id)).count).to.equal(1);
    });

    it('widgets with the same src download and parse it once', async () => {
      const token = sourceId(`${tag}-src`);
      const url = `${ORDERS_JSON}?log=${token}`;
      const elements = [0, 1, 2].map(() => create(entry, { attributes: { src: url } }));
      await fixture(html`<div style="width: 640px">${elements}</div>`);
      for (const el of elements) await ready(el);
      for (const el of elements) expectShown(entry, el, entry.expected.orders);
      expect((await requestLog(token)).count).to.equal(1);
    });

    it('computes in the metrics worker with the same numbers (the job is listed in engine/registry.ts)', async () => {
      const el = await ready(await mount(entry, { attributes: { compute: 'worker' }, properties: { data: ORDERS } }));
      expect(el.ranIn).to.equal('worker');
      expectShown(entry, el, entry.expected.orders);
    });

    if (entry.plain) {
      const plain = entry.plain;
      it('plain number attributes', async () => {
        const el = await ready(await mount(entry, { attributes: plain.attributes }));
        expectShown(entry, el, plain.expected);
      });
    }
  });

  describe(`element contract <${tag}>: updates`, () => {
    it('recomputes when the data property changes, and fires metric-change only for a real change', async () => {
      const el = await ready(await mount(entry, { properties: { data: ORDERS } }));
      expect(logOf(el).changes).to.equal(1);
      el.data = WITHOUT_B;
      await waitUntil(() => logOf(el).changes === 2, 'no metric-change for new data');
      await ready(el);
      expectShown(entry, el, entry.expected.withoutB);
      // Equal data in a new array: recomputed, but the same result fires nothing.
      el.data = WITHOUT_B.map((row) => ({ ...row }));
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ready(el);
      expect(logOf(el).changes).to.equal(2);
      expectShown(entry, el, entry.expected.withoutB);
    });

    it('recomputes when the inline script is edited', async () => {
      const el = await ready(await mount(entry, { script: { type: 'application/json', text: JSON.stringify(ORDERS) } }));
      el.querySelector('script')!.textContent = JSON.stringify(WITHOUT_B);
      await waitUntil(() => logOf(el).changes === 2, 'no metric-change after the script changed');
      await ready(el);
      expectShown(entry, el, entry.expected.withoutB);
    });

    it('recovers from an error when good data arrives', async () => {
      const el = await mount(entry, { attributes: { data: '[{' } });
      await expectLoadError(el, { kind: 'load-error', reason: 'parse' }, 'malformed JSON');
      el.removeAttribute('data');
      el.data = ORDERS;
      await waitUntil(() => el.status === 'ready', 'did not recover');
      await ready(el);
      expectShown(entry, el, entry.expected.orders);
      expect(shadow(el).querySelector('[part~="message"]')).to.equal(null);
    });
  });

  describe(`element contract <${tag}>: errors`, () => {
    it('malformed JSON from src', async () => {
      const el = await mount(entry, { attributes: { src: `${FIXTURES}/malformed.json` } });
      await expectLoadError(el, { kind: 'load-error', reason: 'parse' }, 'could not be read: malformed JSON');
    });

    it('malformed JSON in the data attribute', async () => {
      const el = await mount(entry, { attributes: { data: '[{' } });
      await expectLoadError(el, { kind: 'load-error', reason: 'parse', origin: 'the data attribute' }, 'The data from the data attribute could not be read');
    });

    it('wrong fields name the record and the field', async () => {
      const el = await mount(entry, { attributes: { src: `${FIXTURES}/wrong-fields.json` } });
      await settled(el);
      await el.updateComplete;
      expect(logOf(el).errors.map((e) => e.kind)).to.deep.equal(['invalid-input']);
      const message = partText(el, 'message');
      expect(message).to.contain('record 1, field “');
      expect(message).to.contain('found nothing');
    });

    it('the CSV without its field mapping names the missing column', async () => {
      const el = await mount(entry, { attributes: { src: ORDERS_CSV } });
      await settled(el);
      await el.updateComplete;
      expect(el.error?.kind).to.equal('invalid-input');
      expect(partText(el, 'message')).to.match(/record 1, field “(customer|date)”: expected .*found nothing/);
    });

    it('a customer-key that no record has is an error naming it', async () => {
      const el = await mount(entry, { attributes: { 'customer-key': 'email' }, properties: { data: ORDERS } });
      await settled(el);
      await el.updateComplete;
      expect(el.status).to.equal('error');
      expect(logOf(el).errors.map((e) => e.kind)).to.deep.equal(['invalid-input']);
      expect(partText(el, 'message')).to.contain('record 1, field “email”: expected');
    });

    it('a 404, then the right src', async () => {
      const el = await mount(entry, { attributes: { src: `${FIXTURES}/contract-missing.json` } });
      await expectLoadError(el, { kind: 'load-error', reason: 'http', status: 404 }, 'the server answered 404');
      el.src = ORDERS_JSON;
      await waitUntil(() => el.status === 'ready', 'did not load the right src');
      await ready(el);
      expectShown(entry, el, entry.expected.orders);
    });

    it('a network failure', async () => {
      const restore = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      try {
        // In the page engine, whose fetch a test can stub (the worker's it cannot).
        const el = await mount(entry, { attributes: { src: `/contract-offline-${tag}.json`, compute: 'inline' } });
        await expectLoadError(el, { kind: 'load-error', reason: 'network', origin: `/contract-offline-${tag}.json` }, 'no answer from the server');
      } finally {
        restore();
      }
    });

    it('the error event is composed and does not bubble', async () => {
      let bubbled = 0;
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      box.addEventListener('error', () => bubbled++);
      const el = create(entry, { attributes: { data: '[{' } });
      const failed = oneEvent(el, 'error');
      box.append(el);
      const event = await failed;
      expect(event.composed).to.equal(true);
      expect(event.bubbles).to.equal(false);
      expect(bubbled).to.equal(0);
    });

    it('a source that fails tells every widget', async () => {
      const id = sourceId(tag);
      const el = create(entry, { attributes: { source: id } });
      await fixture(html`<div>${el}<retention-source id=${id} src=${`${FIXTURES}/contract-missing.json`}></retention-source></div>`);
      await expectLoadError(el, { kind: 'load-error', reason: 'http', status: 404 }, 'the server answered 404');
    });
  });

  describe(`element contract <${tag}>: loading races`, () => {
    it('a slow old response never overwrites a newer one', async () => {
      const answers = new Map<string, (response: Response) => void>();
      let aborted = 0;
      // A server that ignores aborts: the old answer still arrives, late.
      const restore = stubFetch(
        (input, init) =>
          new Promise<Response>((resolve) => {
            init?.signal?.addEventListener('abort', () => aborted++);
            answers.set(pathOf(input), resolve);
          }),
      );
      try {
        const el = await mount(entry, { attributes: { src: `/contract-old-${tag}.json`, compute: 'inline' } });
        expect(el.status).to.equal('loading');
        await waitUntil(() => answers.has(`/contract-old-${tag}.json`), 'the engine never asked for the old src');
        el.src = `/contract-new-${tag}.json`;
        await el.updateComplete;
        expect(aborted).to.equal(1);
        answers.get(`/contract-new-${tag}.json`)!(jsonResponse(ORDERS));
        await ready(el);
        expectShown(entry, el, entry.expected.orders);
        answers.get(`/contract-old-${tag}.json`)!(jsonResponse(WITHOUT_B));
        await new Promise((resolve) => setTimeout(resolve, 50));
        await el.updateComplete;
        expectShown(entry, el, entry.expected.orders);
        expect(logOf(el).changes).to.equal(1);
      } finally {
        restore();
      }
    });

    it('taken out of the page while loading and put back, it loads again and shows the data', async () => {
      const answers: ((response: Response) => void)[] = [];
      const restore = stubFetch(
        (_input, init) =>
          new Promise<Response>((resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
            answers.push(resolve);
          }),
      );
      try {
        const el = await mount(entry, { attributes: { src: `/contract-moved-${tag}.json`, compute: 'inline' } });
        expect(el.status).to.equal('loading');
        const box = el.parentElement!;
        el.remove(); // a framework or a tab component moving the widget
        box.append(el);
        await waitUntil(() => answers.length === 2, `no new request after reconnecting (status ${el.status})`, { timeout: 2000 });
        answers[1](jsonResponse(ORDERS));
        await ready(el);
        expectShown(entry, el, entry.expected.orders);
      } finally {
        restore();
      }
    });

    it('taken out of the page while computing and put back, it computes again and shows the data', async () => {
      const el = create(entry, { attributes: { compute: 'worker' }, properties: { data: ORDERS } });
      const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
      box.append(el);
      await el.updateComplete;
      expect(el.status).to.equal('computing'); // the worker hand-off waits for a task of its own
      el.remove();
      box.append(el);
      await waitUntil(() => el.status !== 'computing', `still ${el.status} after reconnecting`, { timeout: 2000 });
      await ready(el);
      expectShown(entry, el, entry.expected.orders);
    });

    it('data set while a download runs wins over the download', async () => {
      let answer: ((response: Response) => void) | undefined;
      const restore = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
      try {
        const el = await mount(entry, { attributes: { src: `/contract-slow-${tag}.json`, compute: 'inline' } });
        el.data = ORDERS; // the data property takes precedence over src
        await ready(el);
        expectShown(entry, el, entry.expected.orders);
        answer?.(jsonResponse(WITHOUT_B));
        await new Promise((resolve) => setTimeout(resolve, 50));
        await el.updateComplete;
        expectShown(entry, el, entry.expected.orders);
      } finally {
        restore();
      }
    });
  });

  describe(`element contract <${tag}>: accessibility and safety`, () => {
    it('the hidden table holds exactly the drawn values', async () => {
      const el = await ready(await mount(entry, { properties: { data: ORDERS } }));
      const table = entry.fromTable(el);
      const drawn = entry.fromDrawing(el);
      const mustDraw = Object.keys(table).filter((key) => table[key] !== null && entry.mustDraw(key));
      expect(mustDraw.length, 'numbers to compare').to.be.greaterThan(0);
      for (const key of mustDraw) {
        expect(drawn[key], `${key} is drawn`).to.be.a('number');
        expect(drawn[key]!, `${key} drawn as in the table`).to.be.closeTo(table[key]!, entry.drawingTolerance + entry.tableTolerance);
      }
      for (const key of Object.keys(drawn)) expect(key in table, `drawn ${key} is in the table`).to.equal(true);
      // The drawing is hidden from screen readers; the table is what they read.
      for (const svg of shadow(el).querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(shadow(el).querySelector('table')).to.exist;
      expect(el.getAttribute('role')).to.equal('figure');
      expect(el.getAttribute('aria-label')).to.not.equal('');
    });

    it('data text with markup stays text and runs nothing', async () => {
      // Short enough to be quoted whole in a message (long values are cut at 40 characters).
      const flag = `__rkC${CONTRACT.indexOf(entry)}`;
      const payload = `<img src=x onerror=${flag}=1>`;
      // In a value the element reports back …
      const bad = await mount(entry, { properties: { data: [{ customer: 'a', date: payload, amount: 1 }] } });
      await settled(bad);
      await bad.updateComplete;
      expect(bad.status).to.equal('error');
      expect(partText(bad, 'message')).to.contain(payload);
      // … in a field name it names …
      const field = await mount(entry, { attributes: { 'date-key': payload }, properties: { data: ORDERS } });
      await settled(field);
      await field.updateComplete;
      expect(partText(field, 'message')).to.contain(payload);
      // … and in ids it computes with.
      const ids = await ready(await mount(entry, { properties: { data: ORDERS.map((row) => ({ ...row, customer: `${payload}${row.customer}` })) } }));
      expectShown(entry, ids, entry.expected.orders);
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const el of [bad, field, ids]) expect(shadow(el).querySelector('img')).to.equal(null);
      expect((window as unknown as Record<string, unknown>)[flag]).to.equal(undefined);
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`has no axe violations in the ${theme} theme, with a result and with an error`, async () => {
        const el = await ready(await mount(entry, { attributes: { theme }, properties: { data: ORDERS } }));
        await expect(el).to.be.accessible();
        const error = await mount(entry, { attributes: { theme, data: '[{' } });
        await settled(error);
        await error.updateComplete;
        await expect(error).to.be.accessible();
      });
    }
  });
}

describe('element contract: one <retention-source> for every element', () => {
  it('a source whose src changes while the old download is slow: every widget shows the new data', async () => {
    const answers = new Map<string, (response: Response) => void>();
    const restore = stubFetch((input) => new Promise<Response>((resolve) => answers.set(pathOf(input), resolve)));
    try {
      const id = sourceId('race');
      // All in the page engine, whose fetch a test can stub.
      const elements = CONTRACT.map((entry) => create(entry, { attributes: { source: id, compute: 'inline' } }));
      const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"><retention-source id=${id} compute="inline" src="/contract-old.json"></retention-source>${elements}</div>`);
      const source = box.querySelector('retention-source')!;
      source.src = '/contract-new.json';
      await source.updateComplete;
      await waitUntil(() => answers.has('/contract-new.json'), 'the engine never asked for the new src');
      answers.get('/contract-new.json')!(jsonResponse(ORDERS));
      for (const el of elements) await ready(el);
      answers.get('/contract-old.json')!(jsonResponse(WITHOUT_B));
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const [i, entry] of CONTRACT.entries()) {
        await elements[i].updateComplete;
        expectShown(entry, elements[i], entry.expected.orders);
      }
    } finally {
      restore();
    }
  });

  it('serves all of them with one fetch, each showing its own numbers', async () => {
    const id = sourceId('all');
    const elements = CONTRACT.map((entry) => create(entry, { attributes: { source: id } }));
    await fixture(html`<div style="width: 640px"><retention-source id=${id} src=${`${ORDERS_JSON}?log=${id}`}></retention-source>${elements}</div>`);
    for (const [i, entry] of CONTRACT.entries()) {
      await ready(elements[i]);
      expectShown(entry, elements[i], entry.expected.orders);
    }
    expect((await requestLog(id)).count).to.equal(1);
  });
});
