import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('churn-reasons');
