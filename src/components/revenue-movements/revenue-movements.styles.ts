import { css } from 'lit';

/**
 * Styles of <revenue-movements>. Movement colours default to the kit's series
 * palette and can be set one by one: `--rk-movement-new`,
 * `--rk-movement-expansion`, `--rk-movement-reactivation`,
 * `--rk-movement-contraction`, `--rk-movement-churn`, `--rk-movement-net`.
 */
export const revenueMovementsStyles = css`
  :host {
    --_newMrr: var(--rk-movement-new, var(--_series-1));
    --_expansionMrr: var(--rk-movement-expansion, var(--_series-3));
    --_reactivationMrr: var(--rk-movement-reactivation, var(--_series-6));
    --_contractionMrr: var(--rk-movement-contraction, var(--_series-2));
    --_churnedMrr: var(--rk-movement-churn, var(--_bad));
    --_net: var(--rk-movement-net, var(--_text));
  }

  /* Segments and legend swatches take their colour (--c) from their data-kind. */
  [data-kind='newMrr'] {
    --c: var(--_newMrr);
  }

  [data-kind='expansionMrr'] {
    --c: var(--_expansionMrr);
  }

  [data-kind='reactivationMrr'] {
    --c: var(--_reactivationMrr);
  }

  [data-kind='contractionMrr'] {
    --c: var(--_contractionMrr);
  }

  [data-kind='churnedMrr'] {
    --c: var(--_churnedMrr);
  }

  [data-kind='net'] {
    --c: var(--_net);
  }

  /* Height from CSS, not from the drawing, so drawing on resize never resizes. */
  .chart {
    position: relative;
    width: 100%;
    aspect-ratio: 2 / 1;
    min-height: 220px;
    max-height: 340px;
    border-radius: var(--_radius);
  }

  [part~='zero-line'] {
    stroke: var(--_text);
    shape-rendering: crispEdges;
  }

  [part~='segment'] {
    fill: var(--c);
  }

  /* The selected period's band, and the band under the pointer or the keys. */
  .band,
  [part~='column-hover'] {
    fill: var(--_surface);
  }

  [part~='column-hover'] {
    fill-opacity: 0.6;
  }

  [part~='column'].running [part~='segment'] {
    fill-opacity: 0.55;
  }

  [part~='net-line'] {
    fill: none;
    stroke: var(--_net);
    stroke-width: 2;
    stroke-linejoin: round;
  }

  [part~='net-point'] {
    fill: var(--_net);
    stroke: var(--_background);
    stroke-width: 1.5;
  }

  [part~='column-focus'] {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2;
  }

  [part~='kpis'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin: 0 0 0.5em;
  }

  [part~='kpis'] .period {
    flex-basis: 100%;
    color: var(--_muted);
  }

  [part~='kpi'] {
    display: flex;
    flex-direction: column;
  }

  [part~='kpi'] .name {
    color: var(--_muted);
    font-size: 0.9em;
  }

  [part~='kpi-value'] {
    font-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }

  [part~='legend'] li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }

  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    background: var(--c);
  }

  .note {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.35em 0 0;
  }

  .swatch.line {
    height: 3px;
    width: 16px;
  }
`;
