import { css } from 'lit';

/**
 * Styles of <purchase-cycle>. Colours come from the platform tokens, plus
 * `--rk-cycle-bar` (bars), `--rk-cycle-median`, `--rk-cycle-mean` and
 * `--rk-cycle-window` (the marks).
 */
export const purchaseCycleStyles = css`
  :host {
    --_bar: var(--rk-cycle-bar, var(--_series-1));
    --_median: var(--rk-cycle-median, var(--_text));
    --_mean: var(--rk-cycle-mean, var(--_series-2));
    --_window: var(--rk-cycle-window, var(--_good));
  }

  /* Height from CSS, not from the drawing, so drawing on resize never resizes. */
  .chart {
    position: relative;
    width: 100%;
    aspect-ratio: 2 / 1;
    min-height: 200px;
    max-height: 300px;
    border-radius: var(--_radius);
    /* Its size never depends on its content, so a hover (a moved outline and tooltip) lays out this box only. */
    contain: size layout;
  }

  [part~='bar'] {
    fill: var(--_bar);
  }

  [part~='bar-overflow'] {
    fill-opacity: 0.6;
  }

  /* An outline drawn over the active bar, so the bars themselves never redraw on a hover. */
  [part~='bar-active'] {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2;
  }

  [part~='baseline'] {
    stroke: var(--_text);
    shape-rendering: crispEdges;
  }

  [part~='median-line'] {
    stroke: var(--_median);
    stroke-width: 2;
  }

  [part~='mean-line'] {
    stroke: var(--_mean);
    stroke-width: 2;
    stroke-dasharray: 5 3;
  }

  [part~='window-line'] {
    stroke: var(--_window);
    stroke-width: 2.5;
    stroke-dasharray: 1 3;
    stroke-linecap: round;
  }

  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    color: var(--_text);
  }

  /* Plain text flow, so a long entry wraps between words on a phone, never inside "84 days". */
  [part~='legend'] li {
    display: block;
  }

  [part~='legend'] svg {
    display: inline;
    overflow: visible;
    vertical-align: middle;
    margin-right: 0.35em;
  }

  [part~='legend'] .value {
    white-space: nowrap;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  [part~='legend'] .note {
    color: var(--_muted);
  }

  /* The repeat rate with its interval and counts: long, so it wraps on a phone; the rate itself leads. */
  [part~='legend'] .detail {
    font-variant-numeric: tabular-nums;
  }

  [part~='few-note'] {
    margin: 0.35em 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }

  [part~='bar-note'] {
    margin: 0.35em 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
