import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('purchase-cycle');
