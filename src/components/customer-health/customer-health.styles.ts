import { css } from 'lit';

/**
 * Styles of <customer-health>. Rows have a fixed height (the virtual scroller
 * relies on it): cells never wrap, long signal lists are cut with an ellipsis
 * and shown in full in the details panel. `--rk-health-row-height` must match
 * ROW_HEIGHT in customer-health.ts if changed, so it is not offered as a token.
 */
export const customerHealthStyles = css`
  :host {
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
    overflow: auto;
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }

  table {
    width: 100%;
    min-width: 40rem;
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
  }

  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    height: 40px;
    padding: 0 0.5rem;
    background: var(--_surface);
    border-bottom: 1px solid var(--_grid);
    text-align: start;
    font-weight: 600;
    white-space: nowrap;
  }

  thead th button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0.2rem 0;
    cursor: pointer;
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
  }

  .arrow {
    color: var(--_muted);
    width: 0.8em;
  }

  col.customer {
    width: 16%;
  }
  col.score {
    width: 12%;
  }
  col.status {
    width: 11%;
  }
  col.last {
    width: 14%;
  }

  tbody tr {
    height: 44px;
  }

  tbody th,
  tbody td {
    height: 44px;
    max-height: 44px;
    padding: 0 0.5rem;
    border-bottom: 1px solid var(--_grid);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: start;
    font-weight: normal;
  }

  tbody tr.spacer td {
    padding: 0;
    border: 0;
  }

  tbody tr.active th,
  tbody tr.active td {
    background: var(--_surface);
  }

  tbody th:focus {
    outline: none;
  }

  tbody th:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  tbody tr[data-row] {
    cursor: pointer;
  }

  .score {
    display: inline-block;
    min-width: 1.8em;
    font-variant-numeric: tabular-nums;
  }

  .meter {
    display: inline-block;
    vertical-align: middle;
    width: 2.5em;
    height: 0.5em;
    background: var(--_grid);
    border-radius: 3px;
    overflow: hidden;
  }

  /* --score: the health score 0–100 (set per row). */
  .meter span {
    display: block;
    width: calc(var(--score, 0) * 1%);
    height: 100%;
    background: var(--_good);
  }

  .at-risk .meter span {
    background: var(--_bad);
  }

  .status-at-risk {
    color: var(--_bad);
    font-weight: 600;
  }

  .muted {
    color: var(--_muted);
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
    font-variant-numeric: tabular-nums;
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
