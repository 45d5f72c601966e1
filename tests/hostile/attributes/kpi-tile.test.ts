import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('kpi-tile');
