/** Registers <retention-curve> (guarded: a second copy of the kit does not throw). */
import { defineElement } from '../platform/define.ts';
import { RetentionCurve } from './retention-curve.ts';

defineElement('retention-curve', RetentionCurve);

declare global {
  interface HTMLElementTagNameMap {
    'retention-curve': RetentionCurve;
  }
}

export { RetentionCurve };
