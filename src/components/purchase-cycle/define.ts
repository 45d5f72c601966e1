/** Registers <purchase-cycle> (guarded: a second copy of the kit does not throw). */
import { defineElement } from '../platform/define.ts';
import { PurchaseCycle } from './purchase-cycle.ts';

defineElement('purchase-cycle', PurchaseCycle);

declare global {
  interface HTMLElementTagNameMap {
    'purchase-cycle': PurchaseCycle;
  }
}

export { PurchaseCycle };
