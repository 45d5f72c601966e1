import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('ltv-forecast');
