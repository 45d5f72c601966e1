import { css } from 'lit';

/**
 * Styles of <nps-score>: the score and response count, the split bar with its
 * legend, the notice about too few responses, and the trend line. Group
 * colours are themeable; the legend repeats every number as text.
 */
export const npsScoreStyles = css`
  :host {
    container-type: inline-size;
    padding: var(--rk-nps-padding, 0.75rem);
    border-radius: var(--_radius);
    --_promoters: var(--rk-nps-promoters, var(--_good));
    --_passives: var(--rk-nps-passives, var(--_grid));
    --_detractors: var(--rk-nps-detractors, var(--_bad));
  }

  .nps {
    display: grid;
    gap: 0.6rem;
  }

  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }

  [part~='label'] {
    font-weight: 600;
    flex-basis: 100%;
  }

  [part~='score'] {
    font-size: var(--rk-nps-score-size, 2.25rem);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }

  .facts {
    display: inline-flex;
    flex-direction: column;
    color: var(--_muted);
    line-height: 1.3;
  }

  [part~='interval'] {
    color: var(--_text);
  }

  /* The small-sample mark by the score: the same warning colour as the notice it summarises. */
  [part~='small-sample'] {
    align-self: center;
    border: 1px solid var(--_warn);
    border-radius: 999px;
    padding: 0 0.55em;
    font-size: 0.85em;
    white-space: nowrap;
  }

  [part~='split'] {
    display: block;
    width: 100%;
  }

  .segment-promoters {
    fill: var(--_promoters);
  }

  .segment-passives {
    fill: var(--_passives);
  }

  .segment-detractors {
    fill: var(--_detractors);
  }

  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-variant-numeric: tabular-nums;
  }

  [part~='legend'] li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }

  .swatch {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
    flex: none;
    forced-color-adjust: none;
  }

  .swatch.promoters {
    background: var(--_promoters);
  }

  .swatch.passives {
    background: var(--_passives);
    outline: 1px solid var(--_muted);
  }

  .swatch.detractors {
    background: var(--_detractors);
  }

  .share {
    color: var(--_muted);
  }

  [part~='low-sample'] {
    border-left: 3px solid var(--_warn);
    background: var(--_surface);
    padding: 0.4em 0.75em;
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }

  .trend {
    display: grid;
    gap: 0.15rem;
  }

  .trend-title {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .chart {
    position: relative;
    width: 100%;
  }

  [part~='trend'] {
    overflow: visible;
  }

  [part~='line'] {
    fill: none;
    stroke: var(--rk-nps-line, var(--_series-1));
    stroke-width: 1.75;
    stroke-linejoin: round;
  }

  /* The 95 % interval: a pale band of the line's colour. */
  [part~='band'] {
    fill: var(--rk-nps-line, var(--_series-1));
    fill-opacity: 0.14;
  }

  [part~='point'] {
    fill: var(--rk-nps-line, var(--_series-1));
  }

  /* A period resting on few responses: a hollow dot (its tooltip says why). */
  [part~='point-few'] {
    fill: var(--_background);
    stroke: var(--rk-nps-line, var(--_series-1));
    stroke-width: 1.5;
  }

  [part~='zero-line'] {
    stroke: var(--_muted);
    stroke-dasharray: 2 2;
  }

  [part~='focus-rule'] {
    stroke: var(--_muted);
    stroke-dasharray: 2 2;
  }

  [part~='focus-point'] {
    fill: var(--rk-nps-line, var(--_series-1));
    stroke: var(--_background);
    stroke-width: 2;
  }

  [part~='focus-ring'] {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2;
  }

  @container (min-width: 32rem) {
    .nps {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      column-gap: 1.5rem;
    }
    .headline,
    [part~='low-sample'] {
      grid-column: 1 / -1;
    }
  }
`;
