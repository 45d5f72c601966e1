/*
 * Export of what is shown (#12): toCSV() is the element's data tables, quoted
 * per RFC 4180 and guarded against formulas; toSVG() is a standalone XML file
 * with every colour resolved; toPNG() decodes at the right size; the export
 * menu works by keyboard; nothing is fetched; dark theme exports dark.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/churn-trend/define.ts';
import '../../../src/components/cohort-heatmap/define.ts';
import '../../../src/components/retention-gauge/define.ts';
import '../../../src/translations/da.ts';
import type { RetentionElement } from '../../../src/components/platform/retention-element.ts';
import { tablesToCsv, type CsvSource } from '../../../src/components/platform/export-csv.ts';
import { exportFileName } from '../../../src/components/platform/chart-export.ts';
import { ExportError } from '../../../src/components/platform/export-menu.ts';
import type { ShownTable } from '../../../src/components/platform/data-table.ts';
import { settled } from '../settled.ts';

type Kit = RetentionElement & HTMLElement;

const ORDERS = '/tests/fixtures/components/orders.csv';
const PERIODS = JSON.stringify([
  { period: '2024-01', start: 500, lost: 25 },
  { period: '2024-02', start: 520, lost: 52 },
  { period: '2024-03', start: 480, lost: 24 },
]);

async function shown<T extends Kit>(template: unknown, width = 640): Promise<T> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${template}</div>`);
  const el = box.firstElementChild as T;
  await settled(el);
  await waitUntil(() => el.shadowRoot!.querySelector('svg'), `<${el.localName}> drew no svg`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** RFC 4180 reader: records of fields (quotes, doubled quotes, CRLF). */
function readCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      (record = []), (field = ''), i++;
    } else field += c;
  }
  if (field || record.length) record.push(field), records.push(record);
  return records;
}

/** The shown tables as the DOM says: caption, header cells, body rows. */
function domTables(el: Kit): { caption: string; header: string[]; rows: string[][] }[] {
  return [...el.shadowRoot!.querySelectorAll('table')].map((table) => ({
    caption: table.querySelector('caption')!.textContent!.trim(),
    header: [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => cell.textContent!.trim())),
  }));
}

/** An English cell as the number the CSV should hold ("12.5 %" → "12.5", "$1,234.00" → "1234.00", "−5.0 pp" → "-5.0"). */
const plainNumber = (cell: string) => cell.replace(/[−]/g, '-').replace(/[^\d.-]/g, '');

/** The CSV must hold the element's tables cell for cell (numbers plain, with their unit moved to the header). */
function expectCsvIsTables(el: Kit): void {
  const records = readCsv(el.toCSV());
  const width = records[0]!.length;
  for (const record of records) expect(record.length, 'every record has the same number of fields').to.equal(width);
  const title = el.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim();
  const scope = el.shadowRoot!.querySelector('[part~="subtitle"]')?.textContent?.trim();
  expect(records[0]![0]).to.equal(title);
  let at = 1;
  if (scope) expect(records[at++]![0]).to.equal(scope);
  for (const table of domTables(el)) {
    expect(records[at++]!.every((field) => field === ''), 'a blank record before each table').to.equal(true);
    expect(records[at++]![0]).to.equal(table.caption);
    const header = records[at++]!;
    table.header.forEach((label, i) => expect(header[i]!.startsWith(label), `header ${label}`).to.equal(true));
    for (const row of table.rows) {
      const record = records[at++]!;
      row.forEach((cell, i) => {
        if (record[i] === cell) return;
        // A number made plain: its column header names the unit.
        expect(record[i], `cell ${cell}`).to.equal(plainNumber(cell));
        expect(/^-?\d+(\.\d+)?$/.test(record[i]!), `${record[i]} is a plain number`).to.equal(true);
      });
    }
  }
  expect(at, 'nothing after the tables').to.equal(records.length);
}

describe('export: CSV of what is shown', () => {
  it('<churn-trend>: title, scope, then the table, numbers plain with the unit in the header', async () => {
    const el = await shown<Kit>(html`<churn-trend data=${PERIODS}></churn-trend>`);
    expectCsvIsTables(el);
    const records = readCsv(el.toCSV());
    const header = records.find((record) => record.some((field) => field.includes('(%)')));
    expect(header, 'a percent column says % in its header').to.not.equal(undefined);
    expect(el.toCSV().endsWith('\r\n')).to.equal(true);
    expect(el.toCSV({ preamble: false }).startsWith(domTables(el)[0]!.caption)).to.equal(true);
  });

  it('<cohort-heatmap> from a CSV file', async () => {
    const el = await shown<Kit>(html`<cohort-heatmap src=${ORDERS} customer-key="email" date-key="created_at" amount-key="total"></cohort-heatmap>`);
    expect(domTables(el)[0]!.rows.length).to.be.greaterThan(1);
    expectCsvIsTables(el);
  });

  it('<retention-gauge>: a column of mixed units stays as shown', async () => {
    const el = await shown<Kit>(html`<retention-gauge start="500" end="520" new="45" period="2025-Q3"></retention-gauge>`);
    expectCsvIsTables(el);
    expect(el.toCSV()).to.contain('%');
  });

  it('Danish: decimal commas, so fields are separated by semicolons', async () => {
    const el = await shown<Kit>(html`<churn-trend lang="da" data=${PERIODS}></churn-trend>`);
    const csv = el.toCSV();
    const records = readCsv(csv, ';');
    expect(records.some((record) => record.some((field) => /^\d+,\d$/.test(field))), csv).to.equal(true);
    expect(readCsv(el.toCSV({ delimiter: ',', decimal: '.' })).some((record) => record.some((field) => /^\d+\.\d$/.test(field)))).to.equal(true);
    expect(() => el.toCSV({ delimiter: ',', decimal: ',' })).to.throw(RangeError);
  });

  it('a redraw that keeps the table (guard) keeps it in the CSV; a long table is whole at once', async () => {
    const el = await shown<Kit>(html`<churn-trend data=${PERIODS}></churn-trend>`);
    const before = el.toCSV();
    const chart = el.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
    chart.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="tooltip"]'), 'the hover redraw happened').to.not.equal(null);
    expect(el.toCSV()).to.equal(before);

    const day = Date.UTC(2020, 0, 1);
    const days = Array.from({ length: 450 }, (_, i) => ({ period: new Date(day + i * 86_400_000).toISOString().slice(0, 10), start: 1000, lost: 20 + (i % 7) }));
    const long = await shown<Kit>(html`<churn-trend granularity="day" .data=${days}></churn-trend>`);
    const records = readCsv(long.toCSV({ preamble: false }));
    const drawnPeriods = (long as unknown as { result: { points: unknown[] } }).result.points.length;
    // Caption, header, one record per period: all of them, though the table adds 200 rows per task.
    expect(records.length).to.equal(2 + drawnPeriods);
    expect(drawnPeriods).to.be.greaterThan(200);
  });

  it('inside a metric-change handler the CSV already holds the new result', async () => {
    const el = await shown<Kit>(html`<churn-trend data=${PERIODS}></churn-trend>`);
    const next = JSON.stringify([...JSON.parse(PERIODS), { period: '2024-04', start: 470, lost: 47 }]);
    const csv = new Promise<string>((resolve) => el.addEventListener('metric-change', () => resolve(el.toCSV()), { once: true }));
    el.setAttribute('data', next);
    const text = await csv;
    expect(text).to.contain('Apr 2024');
    await el.updateComplete;
    expect(el.toCSV()).to.equal(text);
  });

  it('before a result, toCSV says there is nothing yet', async () => {
    const el = await fixture<Kit>(html`<churn-trend></churn-trend>`);
    expect(() => el.toCSV()).to.throw(ExportError, /nothing to export/);
  });
});

describe('export: CSV fields', () => {
  const source: CsvSource = { title: 'Churn, by month', scope: 'Monthly', locale: 'en', currency: 'USD', pointsWord: 'pp' };
  const table = (rows: string[][], numeric = true): ShownTable => ({ caption: 'Table "A"', columns: [{ label: 'Name' }, { label: 'Value', numeric }], rows });

  it('quotes delimiters, quotes and line breaks (RFC 4180)', () => {
    const csv = tablesToCsv([table([['a,b', 'x "y"'], ['two\nlines', 'plain']], false)], source);
    expect(csv).to.equal('"Churn, by month",\r\nMonthly,\r\n,\r\n"Table ""A""",\r\nName,Value\r\n"a,b","x ""y"""\r\n"two\nlines",plain\r\n');
  });

  it('guards text that a spreadsheet would run as a formula (OWASP)', () => {
    const cells = ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', 'ok'];
    const records = readCsv(tablesToCsv([table(cells.map((cell) => [cell, 'text']), false)], source, { preamble: false }));
    expect(records.slice(2).map((record) => record[0])).to.deep.equal(["'=HYPERLINK(\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTab", 'ok']);
  });

  it('makes numbers plain only where the language wrote them, one unit per column', () => {
    const rows = [
      ['a', '−5.0 pp'],
      ['b', '+1.2 pp'],
      ['c', 'not enough history'],
    ];
    const records = readCsv(tablesToCsv([table(rows)], source, { preamble: false }));
    expect(records[1]).to.deep.equal(['Name', 'Value (pp)']);
    expect(records.slice(2)).to.deep.equal([
      ['a', '-5.0'],
      ['b', '1.2'],
      ['c', 'not enough history'],
    ]);
    // Mixed units: the column stays as shown.
    const mixed = readCsv(tablesToCsv([table([['a', '12.5%'], ['b', '$1,234.00']])], source, { preamble: false }));
    expect(mixed.slice(1)).to.deep.equal([
      ['Name', 'Value'],
      ['a', '12.5%'],
      ['b', '$1,234.00'],
    ]);
    // Not a number in English: no group of three, a stray comma.
    const odd = readCsv(tablesToCsv([table([['a', '1,2,3'], ['b', '12,34'], ['c', '1,234']])], source, { preamble: false }));
    expect(odd.slice(2).map((record) => record[1])).to.deep.equal(['1,2,3', '12,34', '1234']);
    // Currency: the code in the header, the number plain; a text column is never read.
    const money = readCsv(tablesToCsv([table([['a', '$1,234.50'], ['b', '-$2.00']])], source, { preamble: false }));
    expect(money.slice(1)).to.deep.equal([['Name', 'Value (USD)'], ['a', '1234.50'], ['b', '-2.00']]);
  });

  it('reads Danish grouping and decimal marks', () => {
    const da: CsvSource = { ...source, locale: 'da', currency: 'DKK', pointsWord: 'procentpoint' };
    const records = readCsv(
      tablesToCsv([table([['a', '1.234,5 %'], ['b', '7,0 %']])], da, { preamble: false }),
      ';',
    );
    expect(records.slice(1)).to.deep.equal([['Name', 'Value (%)'], ['a', '1234,5'], ['b', '7,0']]);
  });

  it('names files after title and scope, in any script, without what file systems refuse', () => {
    expect(exportFileName({ title: 'Customer churn by period', scope: 'Monthly · Jan 2024 – Mar 2024 · 2,140 customers' }, 'csv')).to.equal(
      'customer-churn-by-period-monthly-jan-2024-mar-2024-2140-customers.csv',
    );
    expect(exportFileName({ title: '客户流失: 按月/季度', scope: '' }, 'png')).to.equal('客户流失-按月-季度.png');
    expect(exportFileName({ title: '***', scope: '' }, 'svg')).to.equal('chart.svg');
  });
});

/** The SVG parsed as XML (the test may parse; the kit never does). */
function parsedSvg(text: string): XMLDocument {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'the SVG is well-formed XML').to.equal(null);
  return doc;
}

describe('export: SVG and PNG of what is shown', () => {
  for (const [name, template] of [
    ['churn-trend', html`<churn-trend data=${PERIODS}></churn-trend>`],
    ['cohort-heatmap', html`<cohort-heatmap src=${ORDERS} customer-key="email" date-key="created_at" amount-key="total"></cohort-heatmap>`],
    ['retention-gauge', html`<retention-gauge start="500" end="520" new="45" period="2025-Q3"></retention-gauge>`],
  ] as const) {
    it(`<${name}>: standalone SVG with title, scope and every colour resolved`, async () => {
      const el = await shown<Kit>(template);
      const text = await el.toSVG();
      expect(text).to.not.contain('var(--');
      expect(text).to.not.contain('light-dark(');
      expect(text).to.not.contain(' class=');
      expect(text).to.not.contain(' style=');
      const doc = parsedSvg(text);
      const root = doc.documentElement;
      expect(root.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
      const width = Number(root.getAttribute('width'));
      const height = Number(root.getAttribute('height'));
      expect(width).to.equal(Math.ceil(el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect().width));
      expect(height).to.be.greaterThan(40);
      expect(root.getAttribute('viewBox')).to.equal(`0 0 ${width} ${height}`);
      const title = el.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim();
      expect(root.querySelector('title')!.textContent).to.equal(title);
      const drawnText = [...root.querySelectorAll('text')].map((t) => t.textContent).join(' ');
      expect(drawnText).to.contain(title);
      const scope = el.shadowRoot!.querySelector('[part~="subtitle"]')?.textContent?.trim();
      if (scope) expect(drawnText).to.contain(scope);
      // The chart itself travels: its SVG shapes are in the file.
      expect(root.querySelectorAll('svg path, svg rect, svg line').length).to.be.greaterThan(3);
    });
  }

  it('the hidden table and the export menu are not in the picture', async () => {
    const el = await shown<Kit>(html`<churn-trend export data=${PERIODS}></churn-trend>`);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="export-menu-button"]')!.click();
    await el.updateComplete;
    const doc = parsedSvg(await el.toSVG());
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(words).to.not.contain('Export');
    expect(words).to.not.contain('Data (CSV)');
    // The table's column header is text nowhere else.
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers.length).to.be.greaterThan(0);
    expect(doc.querySelectorAll('text').length).to.be.lessThan(60);
  });

  it('heading="" still puts the title and scope in the file', async () => {
    const el = await shown<Kit>(html`<churn-trend heading="" data=${PERIODS}></churn-trend>`);
    const doc = parsedSvg(await el.toSVG());
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(words).to.contain('Customer churn');
  });

  it('dark theme exports dark: the background and the text are the dark ones', async () => {
    const el = await shown<Kit>(html`<retention-gauge theme="dark" start="500" end="520" new="45"></retention-gauge>`);
    const doc = parsedSvg(await el.toSVG());
    expect(doc.documentElement.querySelector(':scope > rect')!.getAttribute('fill')).to.equal('rgb(17, 24, 39)');
    const fills = [...doc.querySelectorAll('text')].map((t) => t.getAttribute('fill'));
    expect(fills).to.include('rgb(243, 244, 246)');
  });

  it('PNG decodes at the picture size times the scale (2× at least)', async () => {
    const el = await shown<Kit>(html`<churn-trend data=${PERIODS}></churn-trend>`);
    const svg = parsedSvg(await el.toSVG()).documentElement;
    const blob = await el.toPNG();
    expect(blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(blob);
    const scale = Math.max(2, devicePixelRatio);
    expect(bitmap.width).to.equal(Math.round(Number(svg.getAttribute('width')) * scale));
    expect(bitmap.height).to.equal(Math.round(Number(svg.getAttribute('height')) * scale));
    // Not blank: the chart's pixels differ from the background's.
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200) inked++;
    expect(inked, 'dark pixels of text and lines').to.be.greaterThan(500);
    const three = await createImageBitmap(await el.toPNG({ scale: 3 }));
    expect(three.width).to.equal(Math.round(Number(svg.getAttribute('width')) * 3));
  });

  it('nothing is fetched: no resource is requested while exporting', async () => {
    const el = await shown<Kit>(html`<cohort-heatmap src=${ORDERS} customer-key="email" date-key="created_at" amount-key="total"></cohort-heatmap>`);
    const requested = () => performance.getEntriesByType('resource').filter((entry) => !entry.name.startsWith('blob:') && !entry.name.startsWith('data:')).length;
    // The picture code is the kit's own module, loaded on the first picture: that happens before the count.
    await el.toSVG();
    const before = requested();
    const observed: string[] = [];
    const observer = new PerformanceObserver((list) => observed.push(...list.getEntries().map((entry) => entry.name)));
    observer.observe({ type: 'resource' });
    el.toCSV();
    await el.toSVG();
    await el.toPNG();
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    expect(observed.filter((name) => !name.startsWith('blob:'))).to.deep.equal([]);
    expect(requested()).to.equal(before);
  });
});

describe('export: the menu', () => {
  const part = (el: Kit, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const focused = (el: Kit) => el.shadowRoot!.activeElement as HTMLElement | null;

  it('is absent without the export attribute, and offers the formats asked for', async () => {
    const plain = await shown<Kit>(html`<churn-trend data=${PERIODS}></churn-trend>`);
    expect(part(plain, 'export-menu')).to.equal(null);
    const some = await shown<Kit>(html`<churn-trend export="png csv" data=${PERIODS}></churn-trend>`);
    expect([...some.shadowRoot!.querySelectorAll('[part~="export-menu-item"]')].map((item) => (item as HTMLElement).dataset['format'])).to.deep.equal(['png', 'csv']);
  });

  it('an unknown format is refused with a warning that says what export takes', async () => {
    const el = await shown<Kit>(html`<churn-trend export="csv pdf" data=${PERIODS}></churn-trend>`);
    expect(part(el, 'export-menu')).to.equal(null);
    const warning = el.warnings.find((w) => w.code === 'invalid-attribute');
    expect(warning?.message).to.contain('export="csv pdf"').and.contain('csv, svg, png');
  });

  it('works by keyboard: open on the first item, arrows move, Escape closes and returns focus', async () => {
    const el = await shown<Kit>(html`<churn-trend export="csv svg png" data=${PERIODS}></churn-trend>`);
    const button = part(el, 'export-menu-button')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)?.dataset['format']).to.equal('csv');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.dataset['format']).to.equal('svg');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)?.dataset['format'], 'wraps to the last').to.equal('png');
    await sendKeys({ press: 'Home' });
    expect(focused(el)?.dataset['format']).to.equal('csv');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'export-menu-list')!.hidden).to.equal(true);
    expect(focused(el)).to.equal(button);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focused(el)?.dataset['format'], 'ArrowUp opens on the last item').to.equal('png');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded'), 'Tab closes').to.equal('false');
  });

  it('choosing an item saves the file, named after title and scope, through a blob: link', async () => {
    const el = await shown<Kit>(html`<churn-trend export data=${PERIODS}></churn-trend>`);
    const saved: { name: string; href: string; blob?: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href, blob: blobs.get(this.href) });
    };
    try {
      part(el, 'export-menu-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Enter' }); // the first item: CSV
      await waitUntil(() => saved.length === 1, 'the CSV was saved');
      expect(saved[0]!.name).to.match(/^customer-churn.*\.csv$/);
      expect(saved[0]!.href.startsWith('blob:')).to.equal(true);
      const bytes = new Uint8Array(await saved[0]!.blob!.arrayBuffer());
      expect([...bytes.slice(0, 3)], 'UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(await saved[0]!.blob!.text()).to.contain(el.toCSV());
      await el.download('png');
      expect(saved[1]!.name).to.match(/\.png$/);
      expect(saved[1]!.blob!.type).to.equal('image/png');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('passes axe closed and open, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await shown<Kit>(html`<churn-trend theme=${theme} export data=${PERIODS}></churn-trend>`);
      await expect(el).to.be.accessible();
      part(el, 'export-menu-button')!.click();
      await el.updateComplete;
      expect(part(el, 'export-menu-list')!.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    }
  });

  it('speaks the element language', async () => {
    const el = await shown<Kit>(html`<churn-trend lang="da" export data=${PERIODS}></churn-trend>`);
    expect(part(el, 'export-menu-button')!.textContent!.trim()).to.equal('Eksportér');
    expect([...el.shadowRoot!.querySelectorAll('[part~="export-menu-item"]')].map((item) => item.textContent!.trim())).to.deep.equal([
      'Data (CSV)',
      'Billede (SVG)',
      'Billede (PNG)',
    ]);
  });
});
