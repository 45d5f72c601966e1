/**
 * The visually hidden data table that stands in for a chart for screen
 * readers (the SVG itself is aria-hidden). Cells are text; Lit escapes them,
 * so data can never become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface TableColumn {
  label: string;
  /** Numeric columns are right-aligned if the table is ever shown (e.g. by `::part(table)`). */
  numeric?: boolean;
}

/** A table whose first column heads each row. Rows are arrays of already formatted text. */
export function renderDataTable(caption: string, columns: readonly TableColumn[], rows: readonly (readonly string[])[]): TemplateResult {
  // The wrapper, not the table, is what gets hidden: a table will not shrink to
  // 1 px and would otherwise widen the page it sits in.
  return html`<div class="visually-hidden"><table part="table">
    <caption>${caption}</caption>
    <thead>
      <tr>
        ${columns.map((column) => html`<th scope="col" class=${column.numeric ? 'numeric' : nothing}>${column.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr>
          ${row.map((cell, index) =>
            index === 0 ? html`<th scope="row">${cell}</th>` : html`<td class=${columns[index]?.numeric ? 'numeric' : nothing}>${cell}</td>`,
          )}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}
