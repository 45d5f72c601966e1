/** Registers <revenue-movements> (guarded: a second copy of the kit does not throw). */
import { defineElement } from '../platform/define.ts';
import { RevenueMovements, type MovementSelectEvent } from './revenue-movements.ts';

defineElement('revenue-movements', RevenueMovements);

declare global {
  interface HTMLElementTagNameMap {
    'revenue-movements': RevenueMovements;
  }
  interface HTMLElementEventMap {
    'movement-select': MovementSelectEvent;
  }
}

export { RevenueMovements };
