import { defineElement } from '../platform/define.ts';
import { CustomerHealth, type CustomerSelectDetail } from './customer-health.ts';

export { CustomerHealth };
export type { CustomerSelectDetail };

defineElement('customer-health', CustomerHealth);

declare global {
  interface HTMLElementTagNameMap {
    'customer-health': CustomerHealth;
  }
  interface HTMLElementEventMap {
    'customer-select': CustomEvent<CustomerSelectDetail>;
  }
}
