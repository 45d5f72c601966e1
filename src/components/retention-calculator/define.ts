import { defineElement } from '../platform/define.ts';
import { RetentionCalculator } from './retention-calculator.ts';

export { RetentionCalculator };

defineElement('retention-calculator', RetentionCalculator);

declare global {
  interface HTMLElementTagNameMap {
    'retention-calculator': RetentionCalculator;
  }
}
