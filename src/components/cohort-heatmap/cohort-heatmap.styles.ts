import { css } from 'lit';

/**
 * Styles of <cohort-heatmap>. Each coloured cell carries its light and dark
 * fill and text colour as custom properties (`--l --d --li --di`, computed
 * from the ramps with a contrast check); `light-dark()` picks the pair of the
 * element's color-scheme, whichever way the platform decides it (the page's
 * `color-scheme`, the system, or `theme`), so a theme switch needs no redraw.
 * Ramps are themed with `--rk-heatmap-ramp` / `--rk-heatmap-ramp-dark`
 * (comma-separated colours, low to high).
 */
export const cohortHeatmapStyles = css`
  .chart {
    position: relative;
    width: 100%;
    border-radius: var(--_radius);
  }

  .chart:focus {
    outline: none;
  }

  .chart:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The grid scrolls sideways beside the cohort labels where its periods do not fit (a phone). */
  .scroller {
    display: flex;
    align-items: flex-start;
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
    scrollbar-width: thin;
  }

  .labels {
    position: sticky;
    left: 0;
    z-index: 1;
    flex: none;
    background: var(--_background);
  }

  .grid {
    flex: none;
  }

  svg {
    display: block;
    font-family: var(--_font-family);
    font-size: 12px;
  }

  [part~='axis'] text {
    fill: var(--_muted);
  }

  [part~='row-label'] {
    fill: var(--_text);
  }

  [part~='average-label'] {
    fill: var(--_text);
    font-weight: 600;
  }

  [part~='cell'] {
    fill: light-dark(var(--l), var(--d));
  }

  [part~='cell-text'] {
    fill: light-dark(var(--li), var(--di));
    pointer-events: none;
    font-variant-numeric: tabular-nums;
  }

  .text-12 [part~='cell-text'] {
    font-size: 12px;
  }

  .text-11 [part~='cell-text'] {
    font-size: 11px;
  }

  .text-10 [part~='cell-text'] {
    font-size: 10px;
  }

  /* Period 0, the whole cohort: neutral, so the ramp's ink goes to the periods that vary. */
  [part~='cell-start'],
  [part~='start-swatch'] {
    fill: var(--_surface);
    stroke: var(--_grid);
    stroke-width: 1;
  }

  [part~='cell-start'] + [part~='cell-text'] {
    fill: var(--_muted);
  }

  /* A small cohort's stripes sit between its period-0 cell and the text: full text colour to read over them. */
  [part~='cell-start'] + [part~='cell-few'] + [part~='cell-text'] {
    fill: var(--_text);
  }

  [part~='cell-focus'] {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2.5;
    pointer-events: none;
  }

  [part~='cell-focus-halo'] {
    fill: none;
    stroke: var(--_background);
    stroke-width: 5;
    pointer-events: none;
  }

  /*
   * Few customers: stripes (a mask) in the cell's own text colour, faint enough to leave the colour and
   * the value readable. Period-0 cells and the legend key carry no text colour: the theme's text stands in.
   */
  .few-stripe {
    stroke: #fff;
    stroke-width: 1.6;
  }

  [part~='cell-few'] {
    fill: light-dark(var(--li, var(--_text)), var(--di, var(--_text)));
    fill-opacity: 0.4;
    pointer-events: none;
  }

  /* Period 0 prints its muted 100 % over the stripes: fainter stripes keep it legible. */
  [part~='cell-start'] + [part~='cell-few'] {
    fill-opacity: 0.25;
  }

  [part~='few-swatch'] {
    fill: var(--_surface);
    stroke: var(--_grid);
  }

  [part~='not-reached-swatch'] {
    fill: none;
    stroke: var(--_grid);
    stroke-dasharray: 2 2;
  }

  /* A period still filling: outlined, since its colour is not final (and it is not in the average). */
  [part~='cell-running'],
  [part~='running-swatch'] {
    stroke: var(--_text);
    stroke-width: 1.5;
    stroke-dasharray: 3 2;
  }

  [part~='running-swatch'] {
    fill: none;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35em 1.1em;
    margin-top: 0.6em;
    color: var(--_muted);
    font-size: 12px;
    line-height: 1.3;
  }

  .legend .scale {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.6em;
  }

  .legend .range,
  .legend .key {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    white-space: nowrap;
  }

  .legend .scale-title {
    color: var(--_text);
  }

  .legend .bar rect {
    fill: light-dark(var(--l), var(--d));
  }

  .legend .hint {
    font-style: italic;
  }
`;
