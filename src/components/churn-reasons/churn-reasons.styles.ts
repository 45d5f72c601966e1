import { css } from 'lit';

/**
 * Styles of <churn-reasons>. Bars are HTML (text wraps and stays selectable);
 * `--rk-reasons-bar` colours them, `--rk-reasons-other` the "Other" bar.
 */
export const churnReasonsStyles = css`
  :host {
    --_bar: var(--rk-reasons-bar, var(--_series-1));
    --_other: var(--rk-reasons-other, var(--_series-8));
    padding: var(--rk-reasons-padding, 0.75rem);
    border-radius: var(--_radius);
  }

  [part~='chart'] {
    position: relative;
    border-radius: var(--_radius);
    padding: 2px;
  }

  .rows {
    display: grid;
    /* The figures may wrap: on a phone "$5,615 (14.4%) · 115 cancellations" would otherwise take the row. */
    grid-template-columns: fit-content(40%) minmax(3rem, 1fr) fit-content(45%);
    gap: 0.3rem 0.6rem;
    align-items: center;
  }

  .row {
    display: contents;
    cursor: pointer;
  }

  [part~='label'] {
    overflow-wrap: anywhere;
    max-width: 16rem;
  }

  .row.active [part~='label'] {
    font-weight: 650;
  }

  .track {
    height: 0.9rem;
    background: var(--_surface);
    border-radius: 3px;
    overflow: hidden;
  }

  /* --share: the bar's length as a fraction of the track (set per row). */
  [part~='bar'] {
    display: block;
    width: calc(var(--share, 0) * 100%);
    height: 100%;
    background: var(--_bar);
    border-radius: 3px;
  }

  .row.other [part~='bar'] {
    background: var(--_other);
  }

  .row.no-reason [part~='label'] {
    font-style: italic;
  }

  .row.active .track {
    box-shadow: 0 0 0 2px var(--_focus);
  }

  [part~='figures'] {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  [part~='figures'] .muted {
    color: var(--_muted);
  }

  [part~='other'] {
    margin-top: 0.6rem;
  }

  [part~='other'] summary {
    cursor: pointer;
  }

  [part~='other'] ul {
    margin: 0.3rem 0 0;
    padding-left: 1.25rem;
    max-height: 14rem;
    overflow: auto;
  }

  [part~='other'] li {
    overflow-wrap: anywhere;
  }

  .why,
  .note {
    color: var(--_muted);
  }

  .note {
    margin: 0 0 0.4rem;
    font-size: 0.85em;
  }

  [part~='trend'] {
    margin-top: 0.9rem;
  }

  [part~='trend'] h3 {
    font-size: 1em;
    font-weight: 600;
    margin: 0 0 0.4rem;
  }

  .multiples {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.6rem;
  }

  .multiple {
    min-width: 0;
  }

  .multiple .name {
    display: block;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .multiple svg {
    display: block;
    width: 100%;
    height: 40px;
  }

  .spark-line {
    fill: none;
    stroke: var(--_bar);
    stroke-width: 1.5;
  }

  .spark-area {
    fill: var(--_bar);
    opacity: 0.15;
  }

  .other .spark-line {
    stroke: var(--_other);
  }

  .other .spark-area {
    fill: var(--_other);
  }

  .spark-dot {
    fill: var(--_bar);
  }

  .range {
    display: flex;
    justify-content: space-between;
    color: var(--_muted);
    font-size: 0.8em;
  }
`;
