import { defineElement } from '../platform/define.ts';
import { KpiTile } from './kpi-tile.ts';

export { KpiTile };

defineElement('kpi-tile', KpiTile);

declare global {
  interface HTMLElementTagNameMap {
    'kpi-tile': KpiTile;
  }
}
