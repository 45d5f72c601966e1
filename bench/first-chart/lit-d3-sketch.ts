/**
 * The plain baseline of the first-chart benchmark: what a developer would
 * write by hand for the same two charts, one small Lit element drawing an SVG
 * line (d3-scale, d3-shape) and a rect grid, no loading, no worker, no
 * validation. Bundled with esbuild by the benchmark (bench/first-chart/runner.mjs).
 */
import { LitElement, css, html, svg } from 'lit';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface Period {
  period: string;
  start: number;
  lost: number;
}

export interface CohortMatrix {
  cohorts: { key: string; size: number; values: number[] }[];
}

const WIDTH = 720;
const percent = (value: number) => `${Math.round(value * 100)}%`;

export class SketchCharts extends LitElement {
  static override properties = { churn: { attribute: false }, cohorts: { attribute: false } };
  static override styles = css`
    :host { display: block; font: 11px system-ui, sans-serif; }
    svg { display: block; margin-bottom: 24px; }
    .line { fill: none; stroke: steelblue; stroke-width: 2; }
    .dot { fill: steelblue; }
    .tick { fill: #555; }
  `;

  declare churn: Period[];
  declare cohorts: CohortMatrix;

  constructor() {
    super();
    this.churn = [];
    this.cohorts = { cohorts: [] };
  }

  override render() {
    return html`${this.#trend()}${this.#heatmap()}`;
  }

  #trend() {
    const height = 260;
    const margin = { left: 44, right: 12, top: 12, bottom: 24 };
    const rates = this.churn.map((d) => d.lost / d.start);
    const x = scaleLinear()
      .domain([0, Math.max(1, rates.length - 1)])
      .range([margin.left, WIDTH - margin.right]);
    const y = scaleLinear()
      .domain([0, Math.max(0, ...rates)])
      .nice()
      .range([height - margin.bottom, margin.top]);
    const path = line<number>()
      .x((_, i) => x(i))
      .y((rate) => y(rate))(rates);
    return html`<svg width=${WIDTH} height=${height}>
      ${y.ticks(5).map((t) => svg`<text class="tick" x=${margin.left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${percent(t)}</text>`)}
      ${this.churn.map((d, i) => (i % 6 === 0 ? svg`<text class="tick" x=${x(i)} y=${height - 6} text-anchor="middle">${d.period}</text>` : null))}
      <path class="line" d=${path ?? ''}></path>
      ${rates.map((rate, i) => svg`<circle class="dot" cx=${x(i)} cy=${y(rate)} r="2.5"></circle>`)}
    </svg>`;
  }

  #heatmap() {
    const rows = this.cohorts.cohorts;
    const periods = rows.reduce((longest, row) => Math.max(longest, row.values.length), 0);
    const left = 60;
    const top = 20;
    const cell = (WIDTH - left) / Math.max(1, periods);
    const rowHeight = 22;
    const color = scaleLinear<string>().domain([0, 1]).range(['#f7fbff', '#08306b']);
    return html`<svg width=${WIDTH} height=${top + rows.length * rowHeight}>
      ${Array.from({ length: periods }, (_, k) => svg`<text class="tick" x=${left + k * cell + cell / 2} y=${top - 6} text-anchor="middle">${k}</text>`)}
      ${rows.map(
        (row, i) => svg`<text class="tick" x=${left - 6} y=${top + i * rowHeight + rowHeight / 2} dy="0.32em" text-anchor="end">${row.key}</text>
          ${row.values.map(
            (value, k) => svg`<rect x=${left + k * cell} y=${top + i * rowHeight} width=${cell - 1} height=${rowHeight - 1} fill=${color(value / row.size)}></rect>`,
          )}`,
      )}
    </svg>`;
  }
}

customElements.define('sketch-charts', SketchCharts);
