import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('customer-health');
