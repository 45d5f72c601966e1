import { css } from 'lit';

/**
 * Styles of <customer-health>: the counts, the score distribution, the call
 * order note and the table. Every row is a grid: one line of columns (rank,
 * customer, score, status, value, last active, signals), or below 46rem (a
 * container query on the host) a card of three lines: rank, customer, score
 * and status; value and last active; the signal chips. The elements keep their
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

  [part~='summary'] {
    margin: 0 0 0.4rem;
    font-weight: 600;
  }

  .distribution {
    position: relative;
    width: 100%;
    margin-bottom: 0.4rem;
  }

  [part~='band'][part~='at-risk'] {
    fill: var(--_bad);
  }

  [part~='band'][part~='lapsed'] {
    fill: var(--_muted);
  }

  [part~='band'][part~='healthy'] {
    fill: var(--_good);
  }

  /* The whole height of a band answers the pointer, not only its bar. */
  .hit {
    fill: transparent;
  }

  .dimmed {
    opacity: 0.3;
  }

  [part~='band-focus'] {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 1.5;
  }

  [part~='risk-line'] {
    stroke: var(--_bad);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }

  [part~='risk-label'] {
    fill: var(--_bad);
    font-size: 0.8em;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.4rem 1rem;
    margin-bottom: 0.5rem;
  }

  [part~='order-note'] {
    margin: 0;
    flex: 1 1 20rem;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .filters {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }

  [part~='band-filter'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_focus);
    border-radius: 999px;
    padding: 0.25em 0.8em;
    cursor: pointer;
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

  /* Rows are grids (one line of columns, or a card below 46rem); the elements keep their table roles. */
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
    grid-template-columns: 3.25em 14% 6.5em 6em 8em 1fr;
    align-items: center;
    height: var(--_row);
    border-bottom: 1px solid var(--_grid);
  }

  .with-value tr {
    grid-template-columns: 3.25em 14% 6.5em 6em 7.5em 8em 1fr;
  }

  .rank,
  .value {
    font-variant-numeric: tabular-nums;
  }

  .rank {
    color: var(--_muted);
    text-align: end;
  }

  thead .col-rank {
    white-space: nowrap;
    text-align: end;
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

  /* Signals are chips on at most two lines (rows are one height for the virtual scroller); the full sentences are in the title, the details and for screen readers. */
  .signals {
    display: flex;
    flex-wrap: wrap;
    align-content: center;
    gap: 0.2em 0.3em;
    max-height: 3.2em;
    overflow: hidden;
    white-space: nowrap;
  }

  [part~='chip'] {
    display: inline-block;
    font-size: 0.85em;
    line-height: 1.45;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_grid);
    background: var(--_surface);
  }

  [part~='chip-bad'] {
    border-color: var(--_bad);
  }

  [part~='chip-good'] {
    border-color: var(--_good);
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
  [data-status='at-risk'] .meter {
    box-shadow: inset 0 0 0 1px var(--_bad);
  }

  [data-status='at-risk'] .meter span {
    background: var(--_bad);
  }

  [data-status='at-risk'] .status {
    color: var(--_bad);
    font-weight: 600;
  }

  /* Lapsed: already gone; muted, listed after the customers still with us. */
  [data-status='lapsed'] .meter span {
    background: var(--_muted);
  }

  [data-status='lapsed'] .status,
  [data-status='lapsed'] th {
    color: var(--_muted);
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

    /* The sort buttons share the line; the scroller keeps room for two lines of them. */
    thead tr {
      display: flex;
      flex-wrap: wrap;
      align-content: center;
      column-gap: 0.25rem;
      height: auto;
      min-height: 2.9em;
    }

    thead th {
      padding: 0 0.35rem;
    }

    /* Status and signals sort nothing: their headers stay for screen readers only. */
    thead th:not([aria-sort]) {
      position: absolute;
      width: 1px;
      clip-path: inset(50%);
    }

    tr[data-row],
    .with-value tr[data-row] {
      /* The customer gets the first line's width; score, value and last active share the second (fixed tracks, so no cell squeezes another). */
      grid-template-areas: 'rank customer customer customer status' '. score value last last' 'signals signals signals signals signals';
      grid-template-columns: 2em auto auto minmax(0, 1fr) auto;
      grid-template-rows: 1.4em 1.4em 2.8em;
      align-items: start;
      padding: 0.5em 0;
    }

    tbody th {
      font-weight: 600;
      grid-area: customer;
    }

    .rank {
      grid-area: rank;
    }

    .score {
      grid-area: score;
    }

    /* On a card the status word says it; the meter's width goes to the customer's name. */
    .meter {
      display: none;
    }

    .status {
      grid-area: status;
    }

    .value {
      grid-area: value;
    }

    .last {
      grid-area: last;
    }

    .signals {
      grid-area: signals;
      align-content: start;
    }

    /* The second line: score, value (its currency says what it is) and "Active <day>", a little smaller. */
    .score,
    .value,
    .last {
      font-size: 0.9em;
    }

    .last::before {
      content: attr(data-label) ' ' / '';
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
