import { numberAttributeSuite } from './number-attributes.ts';

numberAttributeSuite('cohort-heatmap');
