/**
 * Where every piece of the cohort triangle goes, from the measured width:
 * row labels, the cohort-size column, the grid, the average row and the
 * legend. Pure numbers, so "36 cohorts × 36 periods still fits" is testable
 * without a browser. Text that would not fit a cell is switched off here
 * (it stays in the tooltip and the data table).
 */

export interface HeatmapLayoutOptions {
  width: number;
  cohortCount: number;
  periodCount: number;
  /** Longest row label, in characters. */
  rowLabelChars: number;
  /** Longest cohort-size label, in characters. */
  sizeLabelChars: number;
  /** Longest cell label ("100 %", "1.2K"), in characters. */
  cellLabelChars: number;
  /** Approximate width of one character of the chart font in px. */
  charWidth?: number;
  /** Whether there is an average row under the cohorts. */
  averageRow?: boolean;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  /** Left edge of the row labels' right-aligned text (their right edge). */
  rowLabelRight: number;
  /** Right edge of the size column text. */
  sizeRight: number;
  gridLeft: number;
  gridTop: number;
  cellWidth: number;
  cellHeight: number;
  /** y of the average row's top, or null without one. */
  averageTop: number | null;
  /** Whether values are printed inside cells. */
  showCellText: boolean;
  fontSize: number;
  /** Label every n-th column / row, so labels never overlap. */
  columnLabelEvery: number;
  rowLabelEvery: number;
  legendTop: number;
  legendWidth: number;
  legendHeight: number;
}

const HEADER_HEIGHT = 22;
const AVERAGE_GAP = 8;
const LEGEND_GAP = 18;
const LEGEND_BAR = 10;
const LEGEND_LABELS = 18;
const MIN_CELL_WIDTH = 6;
const MIN_TEXT_HEIGHT = 15;
const MIN_LABEL_HEIGHT = 11;

export function heatmapLayout(options: HeatmapLayoutOptions): HeatmapLayout {
  const { cohortCount, periodCount, charWidth = 7.5, averageRow = true } = options;
  const fontSize = 12;
  const rowLabelRight = Math.ceil(Math.max(4, options.rowLabelChars) * charWidth) + 4;
  const sizeRight = rowLabelRight + Math.ceil(Math.max(4, options.sizeLabelChars) * charWidth) + 12;
  const gridLeft = sizeRight + 8;
  const available = Math.max(0, options.width - gridLeft - 4);
  const columns = Math.max(1, periodCount);
  // Below the minimum the grid grows past the container, which scrolls: cells never vanish.
  const cellWidth = Math.max(MIN_CELL_WIDTH, Math.min(72, available / columns));
  const cellHeight = heatmapCellHeight(cohortCount);
  const showCellText = cellHeight >= MIN_TEXT_HEIGHT && cellWidth >= options.cellLabelChars * charWidth + 6;

  const gridTop = HEADER_HEIGHT;
  const cohortsBottom = gridTop + cohortCount * cellHeight;
  const averageTop = averageRow && cohortCount > 0 ? cohortsBottom + AVERAGE_GAP : null;
  const gridBottom = averageTop === null ? cohortsBottom : averageTop + cellHeight;
  const gridRight = gridLeft + columns * cellWidth;

  const columnLabelWidth = String(Math.max(0, periodCount - 1)).length * charWidth + 6;
  const legendTop = gridBottom + LEGEND_GAP;
  return {
    width: Math.max(options.width, Math.ceil(gridRight + 4)),
    height: heatmapHeight(cohortCount, averageRow),
    rowLabelRight,
    sizeRight,
    gridLeft,
    gridTop,
    cellWidth,
    cellHeight,
    averageTop,
    showCellText,
    fontSize,
    columnLabelEvery: Math.max(1, Math.ceil(columnLabelWidth / cellWidth)),
    rowLabelEvery: Math.max(1, Math.ceil(MIN_LABEL_HEIGHT / cellHeight)),
    legendTop,
    legendWidth: Math.max(80, Math.min(240, gridRight - gridLeft)),
    legendHeight: LEGEND_BAR,
  };
}

/**
 * Row height from the number of cohorts alone, never from the width: the
 * element can size its box before it has measured anything, so drawing in
 * answer to a resize never changes its height (no ResizeObserver loop).
 */
export function heatmapCellHeight(cohortCount: number): number {
  return Math.min(28, Math.max(12, Math.floor(480 / Math.max(1, cohortCount))));
}

/** Total height of the drawing for `cohortCount` rows (plus the average row and the legend). */
export function heatmapHeight(cohortCount: number, averageRow = true): number {
  const cellHeight = heatmapCellHeight(cohortCount);
  const rows = cohortCount + (averageRow && cohortCount > 0 ? 1 : 0);
  const gaps = averageRow && cohortCount > 0 ? AVERAGE_GAP : 0;
  return Math.ceil(HEADER_HEIGHT + rows * cellHeight + gaps + LEGEND_GAP + LEGEND_BAR + LEGEND_LABELS);
}

export interface CellPosition {
  /** Row: cohort index, or -1 for the average row. */
  row: number;
  column: number;
}

/** Top-left corner of a cell. */
export function cellOrigin(layout: HeatmapLayout, { row, column }: CellPosition): { x: number; y: number } {
  const y = row < 0 ? (layout.averageTop ?? layout.gridTop) : layout.gridTop + row * layout.cellHeight;
  return { x: layout.gridLeft + column * layout.cellWidth, y };
}

/**
 * Keyboard moves on a triangle whose rows have different lengths (`rowLengths`
 * = how many periods each cohort has reached). Never lands on a blank cell;
 * returns the same position when the move leads nowhere.
 */
export type CellMove = 'left' | 'right' | 'up' | 'down' | 'row-start' | 'row-end' | 'first' | 'last';

export function moveCell(rowLengths: readonly number[], from: { row: number; column: number }, move: CellMove): { row: number; column: number } {
  const rows = rowLengths.length;
  if (rows === 0) return from;
  const clampColumn = (row: number, column: number) => Math.max(0, Math.min(column, rowLengths[row] - 1));
  const nonEmpty = (row: number) => rowLengths[row] > 0;
  const { row, column } = from;
  switch (move) {
    case 'left':
      return { row, column: Math.max(0, column - 1) };
    case 'right':
      return { row, column: clampColumn(row, column + 1) };
    case 'up': {
      for (let r = row - 1; r >= 0; r--) if (nonEmpty(r)) return { row: r, column: clampColumn(r, column) };
      return from;
    }
    case 'down': {
      for (let r = row + 1; r < rows; r++) if (nonEmpty(r)) return { row: r, column: clampColumn(r, column) };
      return from;
    }
    case 'row-start':
      return { row, column: 0 };
    case 'row-end':
      return { row, column: clampColumn(row, rowLengths[row] - 1) };
    case 'first': {
      const r = rowLengths.findIndex((length) => length > 0);
      return r < 0 ? from : { row: r, column: 0 };
    }
    case 'last': {
      for (let r = rows - 1; r >= 0; r--) if (nonEmpty(r)) return { row: r, column: rowLengths[r] - 1 };
      return from;
    }
  }
}
