/**
 * The real-data page: mounts the examples, then times them. Every time is
 * performance.now() at the event, i.e. milliseconds since the page started
 * loading, so the numbers include the download, the parse and the computation.
 */
import type { SourceChangeEvent } from '../../src/components/platform/events.ts';
import '../lib/elements.ts';
import { mountExamples } from '../lib/snippets.ts';

mountExamples();

const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

function setText(id: string, text: string): void {
  const target = document.getElementById(id);
  if (target) target.textContent = text;
}

interface Timed extends HTMLElement {
  status?: string;
  ranIn?: string;
}

const widgets = [...document.querySelectorAll<Timed>('main *')].filter((el) => el.localName.includes('-') && el.localName !== 'retention-source');
const tbody = document.querySelector<HTMLTableSectionElement>('#timings tbody');
const cells = new Map<Timed, { ranIn: HTMLTableCellElement; time: HTMLTableCellElement }>();
for (const widget of widgets) {
  const row = document.createElement('tr');
  const name = document.createElement('td');
  const code = document.createElement('code');
  code.textContent = `<${widget.localName}>`;
  name.append(code);
  const ranIn = document.createElement('td');
  const time = document.createElement('td');
  time.className = 'num';
  time.textContent = '…';
  row.append(name, ranIn, time);
  tbody?.append(row);
  cells.set(widget, { ranIn, time });
}

const readyAt = new Map<Timed, number>();

function update(): void {
  if (readyAt.size === 0) return;
  const times = [...readyAt.values()];
  setText('time-first', formatMs(Math.min(...times)));
  setText('time-all', readyAt.size === widgets.length ? formatMs(Math.max(...times)) : `${readyAt.size} of ${widgets.length}…`);
}

for (const widget of widgets) {
  widget.addEventListener('metric-change', () => {
    if (readyAt.has(widget)) return;
    const now = performance.now();
    readyAt.set(widget, now);
    const cell = cells.get(widget)!;
    cell.time.textContent = formatMs(now);
    cell.ranIn.textContent = widget.ranIn === 'worker' ? 'Web Worker' : widget.ranIn === 'inline' ? 'main thread' : (widget.ranIn ?? '');
    update();
  });
  widget.addEventListener('error', () => {
    cells.get(widget)!.time.textContent = 'failed';
  });
}

// The shared source says when its download is parsed and ready for the widgets.
document.addEventListener('source-change', (event) => {
  const { state } = (event as SourceChangeEvent).detail;
  if (state === 'ready') setText('time-load', formatMs(performance.now()));
  if (state === 'error') setText('time-load', 'failed');
});
