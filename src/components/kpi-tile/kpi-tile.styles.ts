import { css } from 'lit';

/**
 * Styles of <kpi-tile>. Tiles sit side by side in a portal's grid, so every
 * tile has the same rows in the same places whatever its metric: title,
 * period,
 * value, change, sparkline, benchmark, each row with a fixed height (an empty
 * row keeps its height). Sizes follow the tile's own width through container
 * queries, not the viewport's; numbers are tabular so digits line up.
 */
export const kpiTileStyles = css`
  :host {
    container-type: inline-size;
    padding: var(--rk-kpi-padding, 0.75rem);
    border: 1px solid var(--rk-kpi-border, var(--_grid));
    border-radius: var(--_radius);
    min-width: 8rem;
  }

  :host(:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .tile {
    display: grid;
    grid-template-rows: 2.4rem 1.4em var(--rk-kpi-sparkline-height, 2.5rem) 2.8em;
    grid-template-areas: 'value' 'delta' 'spark' 'benchmark';
    row-gap: 0.2rem;
    min-width: 0;
  }

  /*
   * The platform's title and subtitle (the metric and its period) at fixed
   * heights: two lines of title at most and one of period, so a long name or a
   * missing period never pushes this tile's rows out of line with its neighbours.
   */
  [part~='header'] {
    display: grid;
    grid-template-rows: 2.8em 1.4em;
    row-gap: 0.2rem;
    margin: 0 0 0.2rem;
  }

  [part~='title'] {
    font-size: 1em;
    line-height: 1.4em;
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }

  [part~='subtitle'] {
    grid-row: 2;
    margin: 0;
    line-height: 1.4em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* The value, and beside it (smaller, muted) its 95 % interval: the value stays the figure read first. */
  .value-row {
    grid-area: value;
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-width: 0;
  }

  [part~='value'] {
    font-size: var(--rk-kpi-value-size, 1.6rem);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 2.4rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    /* Room for the whole value first; only a value wider than the tile is cut. */
    flex: 0 0 auto;
    max-width: 100%;
  }

  [part~='delta'] {
    grid-area: delta;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* The change keeps its colour and is never cut; the words after it give way first. */
  .change {
    font-weight: 600;
  }

  .context {
    color: var(--_muted);
    font-size: 0.9em;
  }

  [part~='delta'].good .change,
  [part~='benchmark'].good {
    color: var(--_good);
  }

  [part~='delta'].bad .change,
  [part~='benchmark'].bad {
    color: var(--_bad);
  }

  [part~='benchmark'].warn {
    color: var(--_warn);
  }

  /* A narrow tile folds the interval onto two short lines beside the value rather than cut the value. */
  [part~='interval'] {
    flex: 0 1 auto;
    min-width: 0;
    max-height: 2.4rem;
    overflow: hidden;
    font-size: 0.8em;
    line-height: 1.15;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  [part~='caution'] {
    color: var(--_muted);
  }

  .spark {
    grid-area: spark;
    min-width: 0;
  }

  [part~='sparkline'] {
    display: block;
    overflow: visible;
    width: 100%;
    height: 100%;
  }

  .spark-line {
    fill: none;
    stroke: var(--rk-kpi-line, var(--_series-1));
    stroke-width: 1.75;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  /* A zero-length line with round caps: a dot that stays round when the box is stretched. */
  .spark-dot {
    stroke: var(--rk-kpi-line, var(--_series-1));
    stroke-width: 5;
    stroke-linecap: round;
  }

  .spark-reference {
    stroke: var(--_grid);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }

  [part~='benchmark'] {
    grid-area: benchmark;
    font-size: 0.9em;
    line-height: 1.4;
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }

  @container (max-width: 11rem) {
    .tile {
      grid-template-rows: 1.9rem 2.6em var(--rk-kpi-sparkline-height, 2rem) 4.2em;
    }
    [part~='value'] {
      font-size: var(--rk-kpi-value-size, 1.25rem);
      line-height: 1.9rem;
    }
    [part~='delta'] {
      white-space: normal;
      line-height: 1.3em;
    }
    .context {
      display: block;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='benchmark'] {
      -webkit-line-clamp: 3;
    }
  }

  @container (min-width: 22rem) {
    [part~='value'] {
      font-size: var(--rk-kpi-value-size, 2rem);
    }
  }
`;
