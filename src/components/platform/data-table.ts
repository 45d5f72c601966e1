/**
 * The visually hidden data table that stands in for a chart for screen
 * readers (the SVG itself is aria-hidden). Cells are text; Lit escapes them,
 * so data can never become markup.
 *
 * A long table (5,000 daily periods) is added about a thousand cells per task:
 * in one go its rows alone would hold the page for a second. A re-render with
 * the same rows (a hover) gets the same template back, so the rows already
 * added stay and nothing starts over.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export interface TableColumn {
  label: string;
  /** Numeric columns are right-aligned if the table is ever shown (e.g. by `::part(table)`). */
  numeric?: boolean;
}

type Row = readonly string[];

/** A shown table as data: what its caption, header and cells say (the CSV export reads it). */
export interface ShownTable {
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly Row[];
}

/**
 * Each rendered table element's content, kept on the element itself rather than
 * collected during render: elements draw their table inside `guard()`, so a
 * re-render (a hover) does not call renderDataTable again, while the table it
 * drew earlier is still what is shown. The DOM holds exactly the tables shown,
 * in their order, and a long table's rows are all here before its last rows are.
 */
const tableContents = new WeakMap<Element, ShownTable>();

class TableContent extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('tableContent() belongs on the <table> element');
  }
  render(_table: ShownTable) {
    return nothing;
  }
  override update(part: ElementPart, [table]: [ShownTable]) {
    tableContents.set(part.element, table);
    return nothing;
  }
}
const tableContent = directive(TableContent);

/** The data tables shown in `root`, in document order, with their full content. */
export function shownTables(root: ParentNode): ShownTable[] {
  return [...root.querySelectorAll('table')].flatMap((table) => {
    const content = tableContents.get(table);
    return content ? [content] : [];
  });
}

/**
 * Cells rendered in one task: a few milliseconds' work. Counted in cells, as a revenue table's
 * row has ten and a trend's five; rows are never split, and a task gets 20 at least.
 */
const CELLS_PER_TASK = 1000;
const rowsPerTask = (columns: readonly TableColumn[]) => Math.max(20, Math.floor(CELLS_PER_TASK / Math.max(1, columns.length)));
/** Row templates of the long tables drawn lately, by content (see above); a few pages' worth. */
const longTables = new Map<string, TemplateResult>();
const LONG_TABLES_KEPT = 32;

/** A table whose first column heads each row. Rows are arrays of already formatted text. */
export function renderDataTable(caption: string, columns: readonly TableColumn[], rows: readonly Row[]): TemplateResult {
  // The wrapper, not the table, is what gets hidden: a table will not shrink to
  // 1 px and would otherwise widen the page it sits in.
  return html`<div class="visually-hidden"><table part="table" ${tableContent({ caption, columns, rows })}>
    <caption>${caption}</caption>
    <thead>
      <tr>
        ${columns.map((column) => html`<th scope="col" class=${column.numeric ? 'numeric' : nothing}>${column.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.length <= rowsPerTask(columns) ? rowsFrom(columns, rows, 0) : longTable(columns, rows)}
    </tbody>
  </table></div>`;
}

function longTable(columns: readonly TableColumn[], rows: readonly Row[]): TemplateResult {
  const content = JSON.stringify([columns, rows]);
  let template = longTables.get(content);
  if (!template) {
    template = rowsFrom(columns, rows, 0);
    longTables.set(content, template);
    if (longTables.size > LONG_TABLES_KEPT) longTables.delete(longTables.keys().next().value!);
  }
  return template;
}

/** Rows from `start`: one task's worth now, the rest in a later task. */
function rowsFrom(columns: readonly TableColumn[], rows: readonly Row[], start: number): TemplateResult {
  const end = Math.min(rows.length, start + rowsPerTask(columns));
  const now = rows.slice(start, end).map((row) => renderRow(columns, row));
  if (end === rows.length) return html`${now}`;
  const later = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => rowsFrom(columns, rows, end));
  return html`${now}${until(later, nothing)}`;
}

function renderRow(columns: readonly TableColumn[], row: Row): TemplateResult {
  return html`<tr>
    ${row.map((cell, index) => (index === 0 ? html`<th scope="row">${cell}</th>` : html`<td class=${columns[index]?.numeric ? 'numeric' : nothing}>${cell}</td>`))}
  </tr>`;
}
