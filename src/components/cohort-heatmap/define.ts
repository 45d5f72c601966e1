/** Registers <cohort-heatmap> (guarded: a second copy of the kit does not throw). */
import { defineElement } from '../platform/define.ts';
import { CohortHeatmap, type CohortSelectEvent } from './cohort-heatmap.ts';

defineElement('cohort-heatmap', CohortHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'cohort-heatmap': CohortHeatmap;
  }
  interface HTMLElementEventMap {
    'cohort-select': CohortSelectEvent;
  }
}

export { CohortHeatmap };
