/** Registers <churn-trend> (guarded: a second copy of the kit does not throw). */
import { defineElement } from '../platform/define.ts';
import { ChurnTrend } from './churn-trend.ts';

defineElement('churn-trend', ChurnTrend);

declare global {
  interface HTMLElementTagNameMap {
    'churn-trend': ChurnTrend;
  }
}

export { ChurnTrend };
