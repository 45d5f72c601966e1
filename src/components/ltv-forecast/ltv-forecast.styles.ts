import { css } from 'lit';

/** Styles of <ltv-forecast>. `--rk-ltv-bar` colours the histogram and cohort bars. */
export const ltvForecastStyles = css`
  :host {
    --_bar: var(--rk-ltv-bar, var(--_series-1));
    padding: var(--rk-ltv-padding, 0.75rem);
    border-radius: var(--_radius);
  }

  [part~='figures'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.5rem;
    margin: 0 0 0.75rem;
  }

  [part~='figure'] {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.5rem 0.65rem;
    min-width: 0;
  }

  [part~='figure'] dt {
    color: var(--_muted);
    font-size: 0.9em;
  }

  [part~='figure'] dd {
    margin: 0.1rem 0 0;
    font-size: 1.35em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  [part~='figure'] .note {
    display: block;
    font-size: 0.68em;
    font-weight: normal;
    color: var(--_muted);
  }

  h3 {
    font-size: 1em;
    font-weight: 600;
    margin: 0.75rem 0 0.35rem;
  }

  .histogram {
    position: relative;
    width: 100%;
    height: 180px;
  }

  svg {
    display: block;
    overflow: visible;
    font-size: 11px;
  }

  .bin {
    fill: var(--_bar);
  }

  .axis text {
    fill: var(--_muted);
  }

  .grid-line {
    stroke: var(--_grid);
    shape-rendering: crispEdges;
  }

  .cohorts {
    display: grid;
    grid-template-columns: max-content minmax(3rem, 1fr) max-content;
    gap: 0.25rem 0.6rem;
    align-items: center;
  }

  .track {
    height: 0.75rem;
    background: var(--_surface);
    border-radius: 3px;
    overflow: hidden;
  }

  /* --share: the bar's length as a fraction of the track (set per cohort). */
  .track span {
    display: block;
    width: calc(var(--share, 0) * 100%);
    height: 100%;
    background: var(--_bar);
  }

  .cohorts .figures {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }

  .scroll {
    overflow-x: auto;
  }

  table.visible {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }

  table.visible th,
  table.visible td {
    text-align: start;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--_grid);
    white-space: nowrap;
  }

  table.visible .numeric {
    text-align: end;
  }

  table.visible tbody th {
    font-weight: normal;
    max-width: 12rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  [part~='details'] {
    margin-top: 0.75rem;
  }

  [part~='details'] summary {
    cursor: pointer;
    font-weight: 600;
  }

  .unavailable {
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
