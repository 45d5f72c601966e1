import { css } from 'lit';

/**
 * Styles of <customer-health>. Every row is a grid: one line of five columns,
 * or below 46rem (a container query on the host) a card of three lines:
 * customer, score and status; last active; signals. The elements keep their
 * table roles (and carry them explicitly, as a changed `display` can cost
 * them in some browsers), so keyboard, sorting and screen readers work alike
 * in both; the header becomes a row of sort buttons.
 *
 * The virtual scroller needs every row of a layout to be the same height:
 * `--_row` is that height (in em, so it follows the font size). The element
 * measures a rendered row; spacers and the scroller's height are counted in
 * rows (`--rows`, `--visible`) and multiplied here. Long text is clamped to
 * its row (signals to two lines) but is always whole in the DOM: the cell's
 * text, its title, and the details panel of the chosen customer.
 */
export const customerHealthStyles = css`
  :host {
    container-type: inline-size;
    padding: var(--rk-health-padding, 0.75rem);
    border-radius: var(--_radius);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.4rem 1rem;
    margin-bottom: 0.5rem;
  }

  [part~='filter'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_grid);
    border-radius: 999px;
    padding: 0.25em 0.8em;
    cursor: pointer;
  }

  [part~='filter'][aria-pressed='true'] {
    background: var(--_bad);
    border-color: var(--_bad);
    color: var(--_background);
  }

  [part~='scroller'] {
    --_row: 3.5em;
    height: calc(2.9em + min(var(--visible), var(--_most, 99)) * var(--_row) + 2px);
    overflow: auto;
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }

  /* Rows are grids (one line of five columns, or a card below 46rem); the elements keep their table roles. */
  table,
  thead,
  tbody {
    display: block;
  }

  /* Header labels may wrap (two lines fit); body cells keep to their line. */
  tbody {
    white-space: nowrap;
  }

  thead {
    position: sticky;
    top: 0;
    background: var(--_surface);
  }

  tr {
    display: grid;
    grid-template-columns: 15% 7em 8em 9em 1fr;
    align-items: center;
    height: var(--_row);
    border-bottom: 1px solid var(--_grid);
  }

  thead tr {
    height: 2.9em;
  }

  tr.spacer {
    height: calc(var(--rows) * var(--_row));
  }

  th,
  td {
    padding: 0 0.5rem;
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: start;
  }

  tbody th {
    font-weight: normal;
  }

  tbody th:focus-visible {
    outline-offset: -2px;
  }

  thead button {
    all: unset;
    cursor: pointer;
  }

  .arrow {
    color: var(--_muted);
  }

  /* Signals wrap onto two lines, then end in an ellipsis; the full text stays in the cell (and its title). */
  .signals {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    white-space: normal;
  }

  tr.active {
    background: var(--_surface);
  }

  tbody tr {
    cursor: pointer;
  }

  .meter {
    display: inline-block;
    vertical-align: middle;
    width: 3em;
    height: 0.5em;
    background: var(--_grid);
    border-radius: 3px;
    overflow: hidden;
  }

  /* The bar comes before the number, so bars line up whatever the number's width. --score: the health score 0–100 (set per row). */
  .meter span {
    display: block;
    width: calc(var(--score, 0) * 1%);
    height: 100%;
    background: var(--_good);
  }

  /* An at-risk meter is outlined in the warning colour, so a score of 0 (an empty bar) still reads as at risk. */
  .at-risk .meter {
    box-shadow: inset 0 0 0 1px var(--_bad);
  }

  .at-risk .meter span {
    background: var(--_bad);
  }

  .at-risk .status {
    color: var(--_bad);
    font-weight: 600;
  }

  .muted {
    color: var(--_muted);
  }

  /* Narrow: each row is a card of three lines; the header is a row of sort buttons. */
  @container (max-width: 46rem) {
    [part~='scroller'] {
      --_row: 6.7em;
      --_most: 5;
    }

    thead tr {
      display: flex;
    }

    /* Status and signals sort nothing: their headers stay for screen readers only. */
    thead th:not([aria-sort]) {
      position: absolute;
      width: 1px;
      clip-path: inset(50%);
    }

    tr[data-row] {
      grid-template: 1.4em 1.4em 2.8em / 1fr auto auto;
      align-items: start;
      padding: 0.5em 0;
    }

    tbody th {
      font-weight: 600;
    }

    .last,
    .signals {
      grid-column: 1 / -1;
    }

    .last::before {
      content: attr(data-label) ': ' / '';
      color: var(--_muted);
    }
  }

  [part~='details'] {
    margin-top: 0.6rem;
    padding: 0.5rem 0.75rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }

  [part~='details'] h3 {
    font-size: 1em;
    margin: 0 0 0.3rem;
    overflow-wrap: anywhere;
  }

  [part~='details'] ul {
    margin: 0;
    padding-left: 1.25rem;
  }

  .points {
    font-weight: 600;
  }

  .points.bad {
    color: var(--_bad);
  }

  .points.good {
    color: var(--_good);
  }

  [part~='note'] {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.4rem 0 0;
  }
`;
