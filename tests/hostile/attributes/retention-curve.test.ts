import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('retention-curve');
