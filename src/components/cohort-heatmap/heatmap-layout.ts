/**
 * Where every piece of the cohort triangle goes, from the measured width:
 * the label column (cohort names and sizes, which stays in view while the
 * grid scrolls sideways), the grid with period 0 set a little apart, and the
 * average row. Pure numbers, so "12 periods on a 320 px phone keep their
 * values" is testable without a browser.
 *
 * How the values stay legible as the room shrinks:
 * 1. values in cells at 12, 11 or 10 px, whichever fits the cells (never smaller);
 * 2. where no size fits, the grid keeps cells wide enough for 11 (or 10) px
 *    values and scrolls sideways beside the fixed labels, as long as it needs
 *    at most twice the room (a phone swipe, not a trek);
 * 3. beyond that (36 weekly periods on a phone) the cells shrink to fit and
 *    the values move to the tooltip on hover or focus; the legend says so.
 */

export interface HeatmapLayoutOptions {
  width: number;
  cohortCount: number;
  periodCount: number;
  /** Longest row label, in characters. */
  rowLabelChars: number;
  /** Longest cohort-size label, in characters. */
  sizeLabelChars: number;
  /** Longest value as printed in a narrow cell ("23", "1.2K"), in characters. */
  cellLabelChars: number;
  /** Longest value with its unit ("23%"), in characters; used where cells are wide. Default: `cellLabelChars`. */
  fullCellLabelChars?: number;
  /**
   * Longest period-0 value that is printed only where it fits (100 % and the
   * cohort's size repeat what the row says), in characters; 0 when period 0 is
   * in `cellLabelChars`. Where it does not fit, period 0 is a narrow strip.
   */
  startLabelChars?: number;
  /** The same with its unit ("100%"). Default: `startLabelChars`. */
  fullStartLabelChars?: number;
  /** Approximate width of one character of the 12 px label font in px. */
  charWidth?: number;
  /** Whether there is an average row under the cohorts. */
  averageRow?: boolean;
}

export interface HeatmapLayout {
  /** Width of the fixed label column (row labels and sizes). */
  labelsWidth: number;
  /** Right edge of the row labels (right-aligned text), in the label column. */
  rowLabelRight: number;
  /** Right edge of the size column's text, in the label column. */
  sizeRight: number;
  /** Width of the grid's drawing (the part that scrolls). */
  gridWidth: number;
  height: number;
  /** Left edge of period 0 in the grid's drawing (room for the focus ring). */
  gridLeft: number;
  gridTop: number;
  /** Extra space between period 0 and period 1. */
  startGap: number;
  /** Width of the period-0 column: a cell, or a narrow neutral strip when its value is not printed. */
  startWidth: number;
  /** Whether period 0 prints its value. */
  showStartText: boolean;
  cellWidth: number;
  cellHeight: number;
  /** y of the average row's top, or null without one. */
  averageTop: number | null;
  /** Whether values are printed inside cells. */
  showCellText: boolean;
  /** Whether cells are wide enough for values with their unit ("23%" rather than "23"). */
  fullCellText: boolean;
  /** Font size of the values in cells, px (≥ 10). */
  fontSize: number;
  /** Whether the grid is wider than the room beside the labels (it scrolls). */
  scrolls: boolean;
  /** Label every n-th column / row, so labels never overlap. */
  columnLabelEvery: number;
  rowLabelEvery: number;
}

const HEADER_HEIGHT = 22;
const AVERAGE_GAP = 8;
const BOTTOM_PAD = 2;
/** Space kept left of period 0 and right of the last period for the focus ring. */
const RING_ROOM = 2;
const START_GAP = 3;
/** Period 0 without its value: a strip that says "the cohort starts here" without taking a value's room. */
const START_STRIP = 10;
const MIN_CELL_WIDTH = 6;
const MAX_CELL_WIDTH = 72;
const MIN_LABEL_HEIGHT = 11;
/** A digit of the system UI fonts is at most about 0.62 em wide (tabular figures). */
const DIGIT_EM = 0.64;
/** Space between a value and its cell's edges, each side. */
const CELL_PAD = 3;
/** Cell fonts tried without scrolling, largest first; the smallest is the floor. */
const CELL_FONTS = [12, 11, 10] as const;
/** The grid may scroll to at most this many times the room it has. */
const MAX_SCROLL_FACTOR = 2;

/** Width a value of `chars` characters needs in a cell at `fontSize`. */
export function cellTextWidth(chars: number, fontSize: number): number {
  return Math.ceil(chars * fontSize * DIGIT_EM) + 2 * CELL_PAD;
}

export function heatmapLayout(options: HeatmapLayoutOptions): HeatmapLayout {
  const { cohortCount, periodCount, charWidth = 7.5, averageRow = true } = options;
  const rowLabelRight = Math.ceil(Math.max(4, options.rowLabelChars) * charWidth) + 4;
  const sizeRight = rowLabelRight + Math.ceil(Math.max(3, options.sizeLabelChars) * charWidth) + 10;
  const labelsWidth = sizeRight + 6;
  const columns = Math.max(1, periodCount);
  const startGap = columns > 1 ? START_GAP : 0;
  const fixed = startGap + 2 * RING_ROOM;
  const room = Math.max(0, options.width - labelsWidth);
  const fit = Math.max(0, room - fixed) / columns;
  const startChars = options.startLabelChars ?? 0;
  const cellHeight = heatmapCellHeight(cohortCount);
  const tallEnough = (fontSize: number) => cellHeight >= fontSize + 3;
  const fullChars = options.fullCellLabelChars ?? options.cellLabelChars;

  let cellWidth: number;
  let fontSize: number = CELL_FONTS[CELL_FONTS.length - 1];
  let showCellText = false;
  let fullCellText = false;
  const fitting = CELL_FONTS.find((size) => tallEnough(size) && fit >= cellTextWidth(options.cellLabelChars, size));
  if (fitting !== undefined) {
    cellWidth = Math.min(MAX_CELL_WIDTH, fit);
    fontSize = fitting;
    showCellText = true;
    fullCellText = fitting === CELL_FONTS[0] && cellWidth >= cellTextWidth(fullChars, fitting);
  } else {
    const scrollFont = CELL_FONTS.find((size) => size <= 11 && tallEnough(size));
    const needed = scrollFont === undefined ? Infinity : cellTextWidth(options.cellLabelChars, scrollFont);
    if (scrollFont !== undefined && columns * needed + fixed <= MAX_SCROLL_FACTOR * room) {
      cellWidth = needed;
      fontSize = scrollFont;
      showCellText = true;
    } else {
      // Below the minimum the grid grows past the room and scrolls: cells never vanish.
      cellWidth = Math.max(MIN_CELL_WIDTH, fit);
    }
  }

  // A period 0 that cannot print its value gives its room to the periods that vary.
  const startTextChars = fullCellText ? (options.fullStartLabelChars ?? startChars) : startChars;
  const showStartText = showCellText && (startChars === 0 || cellWidth >= cellTextWidth(startTextChars, fontSize));
  const startWidth = showStartText || periodCount <= 1 ? cellWidth : Math.min(cellWidth, START_STRIP);
  if (fitting !== undefined && startWidth < cellWidth) cellWidth = Math.min(MAX_CELL_WIDTH, (room - fixed - startWidth) / (columns - 1));
  const gridTop = HEADER_HEIGHT;
  const cohortsBottom = gridTop + cohortCount * cellHeight;
  const averageTop = averageRow && cohortCount > 0 ? cohortsBottom + AVERAGE_GAP : null;
  const gridWidth = Math.ceil(fixed + startWidth + (columns - 1) * cellWidth);
  const columnLabelWidth = String(Math.max(0, periodCount - 1)).length * charWidth + 6;
  return {
    labelsWidth,
    rowLabelRight,
    sizeRight,
    gridWidth,
    height: heatmapHeight(cohortCount, averageRow),
    gridLeft: RING_ROOM,
    gridTop,
    startGap,
    startWidth,
    showStartText,
    cellWidth,
    cellHeight,
    averageTop,
    showCellText,
    fullCellText,
    fontSize,
    scrolls: labelsWidth + gridWidth > options.width + 0.5,
    columnLabelEvery: Math.max(1, Math.ceil(columnLabelWidth / cellWidth)),
    rowLabelEvery: Math.max(1, Math.ceil(MIN_LABEL_HEIGHT / cellHeight)),
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

/** Height of the drawing for `cohortCount` rows (plus the average row); the legend is text below it. */
export function heatmapHeight(cohortCount: number, averageRow = true): number {
  const cellHeight = heatmapCellHeight(cohortCount);
  const withAverage = averageRow && cohortCount > 0;
  return Math.ceil(HEADER_HEIGHT + (cohortCount + (withAverage ? 1 : 0)) * cellHeight + (withAverage ? AVERAGE_GAP : 0) + BOTTOM_PAD);
}

export interface CellPosition {
  /** Row: cohort index, or -1 for the average row. */
  row: number;
  column: number;
}

/** Top-left corner of a cell in the grid's drawing. */
export function cellOrigin(layout: HeatmapLayout, { row, column }: CellPosition): { x: number; y: number } {
  const y = row < 0 ? (layout.averageTop ?? layout.gridTop) : layout.gridTop + row * layout.cellHeight;
  return { x: column === 0 ? layout.gridLeft : layout.gridLeft + layout.startWidth + layout.startGap + (column - 1) * layout.cellWidth, y };
}

/** Width of a cell of `column` (period 0 may be a narrow strip). */
export function cellWidthAt(layout: HeatmapLayout, column: number): number {
  return column === 0 ? layout.startWidth : layout.cellWidth;
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
