// Every --metric the command line computes, by name. A metric is one module: its help line,
// its own flags (checked there), the query it runs, and the shape its rows become.
import { cohort } from './cohort.mjs';
import { periods } from './periods.mjs';
import { gaps } from './gaps.mjs';
import { revenue } from './revenue.mjs';
import { nps } from './nps.mjs';
import { repeat } from './repeat.mjs';

export const METRICS = { cohort, periods, gaps, revenue, repeat, nps };
