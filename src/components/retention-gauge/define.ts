import { defineElement } from '../platform/define.ts';
import { RetentionGauge } from './retention-gauge.ts';

export { RetentionGauge };

defineElement('retention-gauge', RetentionGauge);

declare global {
  interface HTMLElementTagNameMap {
    'retention-gauge': RetentionGauge;
  }
}
