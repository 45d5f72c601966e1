import { defineElement } from '../platform/define.ts';
import { ChurnReasons, type ReasonSelectDetail } from './churn-reasons.ts';

export { ChurnReasons };
export type { ReasonSelectDetail };

defineElement('churn-reasons', ChurnReasons);

declare global {
  interface HTMLElementTagNameMap {
    'churn-reasons': ChurnReasons;
  }
  interface HTMLElementEventMap {
    'reason-select': CustomEvent<ReasonSelectDetail>;
  }
}
