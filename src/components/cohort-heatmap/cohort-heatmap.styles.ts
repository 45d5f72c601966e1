import { css } from 'lit';

/**
 * Styles of <cohort-heatmap>. Each cell carries its light and dark fill and
 * text colour as custom properties (`--l --d --li --di`, computed from the
 * ramps with a contrast check); CSS picks the pair of the active theme, so a
 * switch of `theme` or of the system setting needs no redraw.
 * Ramps are themed with `--rk-heatmap-ramp` / `--rk-heatmap-ramp-dark`
 * (comma-separated colours, low to high).
 */
export const cohortHeatmapStyles = css`
  .chart {
    position: relative;
    width: 100%;
    overflow-x: auto;
    border-radius: var(--_radius);
  }

  .chart:focus {
    outline: none;
  }

  .chart:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  svg {
    display: block;
    font-family: var(--_font-family);
    font-size: 12px;
  }

  [part~='axis'] text,
  [part~='legend'] text {
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
    fill: var(--l);
  }

  [part~='cell-text'] {
    fill: var(--li);
    pointer-events: none;
    font-variant-numeric: tabular-nums;
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

  .legend-light {
    display: inline;
  }

  .legend-dark {
    display: none;
  }

  :host([theme='dark']) [part~='cell'] {
    fill: var(--d);
  }

  :host([theme='dark']) [part~='cell-text'] {
    fill: var(--di);
  }

  :host([theme='dark']) .legend-light {
    display: none;
  }

  :host([theme='dark']) .legend-dark {
    display: inline;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) [part~='cell'] {
      fill: var(--d);
    }

    :host(:not([theme='light'])) [part~='cell-text'] {
      fill: var(--di);
    }

    :host(:not([theme='light'])) .legend-light {
      display: none;
    }

    :host(:not([theme='light'])) .legend-dark {
      display: inline;
    }
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

`;
