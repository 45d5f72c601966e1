import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('nps-score');
