import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('revenue-movements');
