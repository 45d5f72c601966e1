import { css } from 'lit';

/**
 * Styles of <churn-trend>. Colours come from the platform tokens (`--_*`,
 * themed through `--rk-*`), plus a few of the chart's own:
 * `--rk-churn-line` (series colour), `--rk-churn-threshold`, `--rk-churn-area-opacity`,
 * `--rk-churn-interval-opacity` (the 95 % interval band).
 */
export const churnTrendStyles = css`
  :host {
    --_line: var(--rk-churn-line, var(--_series-1));
    --_threshold: var(--rk-churn-threshold, var(--_bad));
    --_area-opacity: var(--rk-churn-area-opacity, 0.18);
  }

  /*
   * The chart's height comes from CSS, not from the drawing: the host keeps its
   * size when the SVG appears, so drawing in answer to a resize never resizes
   * (no ResizeObserver loop). Same formula as ChurnTrend's chartHeight().
   */
  .chart {
    position: relative;
    width: 100%;
    aspect-ratio: 2 / 1;
    min-height: 200px;
    max-height: 320px;
    border-radius: var(--_radius);
    /* Its size never depends on its content, so a hover (a moved outline and tooltip) lays out this box only. */
    contain: size layout;
  }

  [part~='zero-line'] {
    stroke: var(--_text);
    stroke-width: 1;
    shape-rendering: crispEdges;
  }

  [part~='line'] {
    fill: none;
    stroke: var(--_line);
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  [part~='line-partial'] {
    stroke-dasharray: 5 4;
  }

  [part~='area'] {
    fill: var(--_line);
    fill-opacity: var(--_area-opacity);
    stroke: none;
  }

  [part~='area-partial'] {
    fill-opacity: calc(var(--_area-opacity) / 2);
  }

  [part~='threshold'] {
    stroke: var(--_threshold);
    stroke-width: 1.5;
    stroke-dasharray: 2 3;
  }

  [part~='threshold-label'] {
    fill: var(--_threshold);
    font-weight: 600;
  }

  [part~='point'] {
    fill: var(--_line);
    stroke: var(--_background);
    stroke-width: 1;
  }

  [part~='point-partial'] {
    fill: var(--_background);
    stroke: var(--_line);
    stroke-width: 1.5;
  }

  /* Few customers at the period start: hollow and faded, the tooltip says why. */
  [part~='point-small'] {
    fill: var(--_background);
    stroke: var(--_line);
    stroke-width: 1.5;
    opacity: 0.7;
  }

  [part~='interval'] {
    fill: var(--_line);
    fill-opacity: var(--rk-churn-interval-opacity, 0.12);
    stroke: none;
  }

  /* Periods without enough history: shaded, no values drawn. */
  [part~='warm-up'] {
    fill: var(--_muted);
    fill-opacity: 0.1;
  }

  [part~='warm-up-label'] {
    fill: var(--_muted);
    font-size: 11px;
  }

  [part~='focus-rule'] {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }

  [part~='focus-point'] {
    fill: var(--_line);
    stroke: var(--_background);
    stroke-width: 2;
  }

  [part~='focus-ring'] {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2;
  }
`;
