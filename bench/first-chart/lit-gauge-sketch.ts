/**
 * The plain baseline next to `<retention-gauge start end new>`: one Lit
 * element showing the same customer retention rate, computed as the kit does,
 * (end − new) / start, and formatted as the kit formats it (one decimal).
 * Bundled with esbuild by the benchmark (bench/first-chart/runner.mjs).
 */
import { LitElement, css, html } from 'lit';

export class SketchGauge extends LitElement {
  static override properties = { start: { type: Number }, end: { type: Number }, new: { type: Number } };
  static override styles = css`
    :host { display: inline-block; font-family: system-ui, sans-serif; }
    .value { font-size: 2rem; font-weight: 600; }
  `;

  declare start: number;
  declare end: number;
  declare new: number;

  override render() {
    const retention = (this.end - this.new) / this.start;
    const text = new Intl.NumberFormat(this.lang || 'en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(retention);
    return html`<span class="value" part="value">${text}</span> <span part="label">Customer retention</span>`;
  }
}

customElements.define('sketch-gauge', SketchGauge);
