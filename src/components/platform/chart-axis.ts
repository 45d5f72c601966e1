/**
 * The axes of the cartesian charts, drawn one way everywhere: a value axis
 * (grid lines across the plot and their labels on the left) and a category or
 * time axis (labels under the plot, and an optional axis title under its right
 * end). Positions come from the element's d3 scales; labels are already
 * formatted in the element's language. Both draw inside the plot's translated
 * `<g>`, so 0 is the plot's left or top edge.
 *
 * keepAxisLabelsInside (axis-labels.ts) later moves end labels back inside the
 * drawing and hides labels that would touch, measured with the page's real font.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';

export interface AxisTick {
  /** Position along the axis in plot pixels. */
  at: number;
  label: string;
  /** Text anchor of an x label (default middle): `end` keeps the last band's label inside. */
  anchor?: 'start' | 'middle' | 'end';
}

/** Baselines below the plot: the tick labels, then the axis title. */
const X_LABEL_BASELINE = 16;
const X_TITLE_BASELINE = 30;

const finite = (tick: AxisTick) => Number.isFinite(tick.at);

/** Horizontal grid lines over `plotWidth` and their labels left of the plot. */
export function valueAxis(ticks: readonly AxisTick[], plotWidth: number): SVGTemplateResult {
  const shown = ticks.filter(finite);
  return svg`<g part="grid">${shown.map((t) => svg`<line part="grid-line" x1="0" x2=${plotWidth} y1=${t.at} y2=${t.at}></line>`)}</g>
    <g part="axis y-axis">${shown.map((t) => svg`<text x="-8" y=${t.at} dy="0.32em" text-anchor="end">${t.label}</text>`)}</g>`;
}

/** Labels under a plot `plotHeight` tall; `title` names the axis under its right end (at `plotWidth`). */
export function categoryAxis(ticks: readonly AxisTick[], plotHeight: number, title?: { text: string; plotWidth: number }): SVGTemplateResult {
  return svg`<g part="axis x-axis">
    ${ticks.filter(finite).map((t) => svg`<text x=${t.at} y=${plotHeight + X_LABEL_BASELINE} text-anchor=${t.anchor ?? 'middle'}>${t.label}</text>`)}
    ${title ? svg`<text part="axis-title" x=${title.plotWidth} y=${plotHeight + X_TITLE_BASELINE} text-anchor="end">${title.text}</text>` : nothing}
  </g>`;
}
