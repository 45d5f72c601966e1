import { defineElement } from '../platform/define.ts';
import { RetentionSource } from './retention-source.ts';

export { RetentionSource };

defineElement('retention-source', RetentionSource);

declare global {
  interface HTMLElementTagNameMap {
    'retention-source': RetentionSource;
  }
}
