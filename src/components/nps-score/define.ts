import { defineElement } from '../platform/define.ts';
import { NpsScore } from './nps-score.ts';

export { NpsScore };

defineElement('nps-score', NpsScore);

declare global {
  interface HTMLElementTagNameMap {
    'nps-score': NpsScore;
  }
}
