import { css } from 'lit';

/**
 * Styles of <ltv-forecast>. `--rk-ltv-bar` colours the histogram and cohort
 * bars. The layout follows the element's own width (container queries), so
 * nothing overflows from about 300 px up: narrow, the cohort figures go above
 * their bars and the top-customer table keeps its main columns.
 */
export const ltvForecastStyles = css`
  :host {
    --_bar: var(--rk-ltv-bar, var(--_series-1));
    container-type: inline-size;
    padding: var(--rk-ltv-padding, 0.75rem);
    border-radius: var(--_radius);
  }

  /* The one value the element leads with: large, with what it is, its basis and why it leads. */
  [part~='headline'] {
    margin: 0 0 0.75rem;
  }

  [part~='headline-label'] {
    color: var(--_muted);
  }

  [part~='headline-value'] {
    font-size: 2em;
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  [part~='headline-basis'],
  [part~='headline-reason'] {
    margin: 0.25rem 0 0;
    font-size: 0.85em;
    color: var(--_muted);
    max-width: 60rem;
  }

  [part~='headline-reason'] {
    color: var(--_text);
  }

  /* The predicted value's own figures sit under it, smaller and in a row. */
  [part~='figures'].inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0.25rem 0 0;
  }

  [part~='figures'].inline [part~='figure'] {
    background: none;
    padding: 0;
  }

  [part~='figures'].inline dd {
    font-size: 1.05em;
  }

  [part~='alternatives'] {
    margin: 0 0 0.75rem;
  }

  [part~='alternatives'] > summary {
    cursor: pointer;
    font-weight: 600;
    margin-bottom: 0.5rem;
  }

  [part~='figures'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
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

  .basis {
    margin: -0.4rem 0 0.75rem;
    font-size: 0.85em;
    color: var(--_muted);
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
    height: 180px;
  }

  .bin,
  [part~='bar-active'] {
    fill: var(--_bar);
  }

  /* A highlighted bin: the others step back (one class on the svg; the bars are not redrawn). */
  .dim [part~='bars'] {
    opacity: 0.45;
  }

  /* Everyone above the binned range: not on the value scale, so drawn apart and hatched-looking. */
  .overflow,
  .active-overflow {
    fill-opacity: 0.4;
    stroke: var(--_bar);
    stroke-dasharray: 3 2;
  }

  .count {
    fill: var(--_muted);
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

  /* Narrow: label and figures on one line, the bar under them across the width (dense fills the hole). */
  @container (max-width: 36rem) {
    .cohorts {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-auto-flow: dense;
      gap: 0.1rem 0.6rem;
    }

    .track {
      grid-column: 1 / -1;
      margin-bottom: 0.3rem;
    }
  }

  /* Fixed layout: cells share the width and cut long customer ids, so the table never overflows. */
  table.visible {
    border-collapse: collapse;
    table-layout: fixed;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }

  table.visible th,
  table.visible td {
    text-align: start;
    padding: 0.3rem 0.4rem;
    border-bottom: 1px solid var(--_grid);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  table.visible thead th {
    vertical-align: bottom;
    white-space: normal;
    overflow-wrap: anywhere;
    font-size: 0.9em;
  }

  /* The numeric columns share what the first one leaves. */
  table.visible th:first-child {
    width: 30%;
  }

  [part~='details'] table th:first-child {
    width: 55%;
  }

  table.visible .numeric {
    text-align: end;
  }

  table.visible tbody th {
    font-weight: normal;
  }

  [part~='details'] tbody th {
    white-space: normal;
  }

  /* The hidden table keeps every column; narrow, the visible one drops the model's middle columns. */
  @container (max-width: 34rem) {
    [part~='top'] :is(th, td):is(:nth-child(3), :nth-child(4)) {
      display: none;
    }
  }

  [part~='details'] {
    margin-top: 0.75rem;
  }

  [part~='details'] summary {
    cursor: pointer;
    font-weight: 600;
  }
`;
