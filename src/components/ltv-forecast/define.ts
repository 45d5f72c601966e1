import { defineElement } from '../platform/define.ts';
import { LtvForecast } from './ltv-forecast.ts';

export { LtvForecast };

defineElement('ltv-forecast', LtvForecast);

declare global {
  interface HTMLElementTagNameMap {
    'ltv-forecast': LtvForecast;
  }
}
