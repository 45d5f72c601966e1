import { css } from 'lit';

/**
 * Styles of <retention-curve>. Each curve takes its colour from the kit's
 * series palette (`--rk-color-series-1…8`, chosen by the curve's and legend
 * item's `data-series` and passed on as `--c`); the average from
 * `--rk-curve-average` (default the text colour).
 */
export const retentionCurveStyles = css`
  :host {
    --_average: var(--rk-curve-average, var(--_text));
    --_dimmed: var(--rk-curve-dimmed-opacity, 0.18);
  }

  /* Height from CSS, not from the drawing, so drawing on resize never resizes. */
  .chart {
    position: relative;
    width: 100%;
    aspect-ratio: 2 / 1;
    min-height: 220px;
    max-height: 340px;
  }

  [data-series='1'] {
    --c: var(--_series-1);
  }

  [data-series='2'] {
    --c: var(--_series-2);
  }

  [data-series='3'] {
    --c: var(--_series-3);
  }

  [data-series='4'] {
    --c: var(--_series-4);
  }

  [data-series='5'] {
    --c: var(--_series-5);
  }

  [data-series='6'] {
    --c: var(--_series-6);
  }

  [data-series='7'] {
    --c: var(--_series-7);
  }

  [data-series='average'] {
    --c: var(--_average);
  }

  .curve {
    fill: none;
    stroke: var(--c);
    stroke-width: 1.75;
    stroke-linejoin: round;
    stroke-linecap: round;
    transition: opacity 120ms;
  }

  .curve.partial {
    stroke-dasharray: 4 4;
  }

  .marker {
    fill: var(--c);
    stroke: var(--_background);
    stroke-width: 1;
  }

  .marker.partial {
    fill: var(--_background);
    stroke: var(--c);
    stroke-width: 1.5;
  }

  /* Few customers: a hollow point, and a cohort that is all few points a fainter line. */
  .marker.few {
    fill: var(--_background);
    stroke: var(--c);
    stroke-width: 1.5;
  }

  .few:not(.highlighted) > .curve {
    stroke-opacity: 0.55;
  }

  /* The highlighted curve's 95 % interval band. */
  [part~='interval-band'] {
    fill: var(--c);
    fill-opacity: 0.14;
    stroke: none;
    pointer-events: none;
  }

  [part~='average'] .curve {
    stroke-width: 3.5;
  }

  .dimmed {
    opacity: var(--_dimmed);
  }

  .highlighted .curve {
    stroke-width: 3;
  }

  [part~='average'].highlighted .curve {
    stroke-width: 4.5;
  }

  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }

  [part~='legend-item'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.15em 0.5em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    color: var(--_text);
    cursor: default;
  }

  [part~='legend-item'].highlighted {
    border-color: var(--_grid);
    background: var(--_surface);
  }

  [part~='legend-item'] .swatch {
    display: inline-block;
    width: 14px;
    height: 3px;
    border-radius: 2px;
    background: var(--c);
  }

  /* A cohort of few customers: a hollow swatch, as its points. */
  [part~='legend-item'].few .swatch {
    box-sizing: border-box;
    height: 7px;
    background: var(--_background);
    border: 1.5px solid var(--c);
  }

  [part~='legend-item'].average .swatch {
    height: 5px;
  }

  .note {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.35em 0 0;
  }

  /* The active point: a ring in its curve's colour, clear of the curve under it. */
  [part~='active-point'] {
    fill: none;
    stroke: var(--c);
    stroke-width: 2.5;
    paint-order: stroke;
  }

  /*
   * The hidden table can hold thousands of periods: a fixed layout sizes its columns from the
   * first row instead of measuring every cell, which took seconds of layout at 5,000 periods.
   */
  [part~='table'] {
    table-layout: fixed;
    width: 100%;
  }

  @media (prefers-reduced-motion: reduce) {
    .curve {
      transition: none;
    }
  }
`;
