// Writes bench/first-chart/data.json, the one set of numbers every contender of
// the first-chart benchmark draws: 36 monthly churn periods (pre-aggregated,
// as <churn-trend input="periods"> takes them) and a 24 × 24 cohort triangle
// of counts (the pre-aggregated matrix <cohort-heatmap> takes). Seeded, so the
// file is the same on every run: `node bench/first-chart/make-data.mjs`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small seeded generator, enough for plausible numbers. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const month = (year, index) => `${year + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const next = random(20_241_206);

// Customers at period start grow from about 1,200; 3–8 % of them are lost each month.
const churn = [];
let customers = 1200;
for (let i = 0; i < 36; i++) {
  const rate = 0.03 + 0.05 * next();
  const lost = Math.round(customers * rate);
  churn.push({ period: month(2022, i), start: customers, lost });
  customers = customers - lost + Math.round(customers * (0.05 + 0.04 * next()));
}

// Cohort i has reached 24 − i periods: a triangle. Period 0 is the whole cohort;
// later periods decay towards a floor, with noise, never above the cohort size.
const cohorts = [];
for (let i = 0; i < 24; i++) {
  const size = 120 + Math.round(180 * next());
  const floor = 0.12 + 0.1 * next();
  const values = [size];
  for (let k = 1; k < 24 - i; k++) {
    const share = floor + (0.45 - floor) * Math.exp(-(k - 1) / 4) + 0.03 * (next() - 0.5);
    values.push(Math.max(0, Math.min(size, Math.round(size * share))));
  }
  cohorts.push({ key: month(2023, i), size, values });
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'data.json');
writeFileSync(file, `${JSON.stringify({ churn, cohorts: { measure: 'count', cohorts } })}\n`);
console.log(`wrote ${file}`);
