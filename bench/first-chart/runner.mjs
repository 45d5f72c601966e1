// Time to the first drawn chart, the kit against its peers in one run: each
// contender's page (bench/first-chart/*.html) draws the same two charts from
// the same numbers (data.json): a 36-point churn line and a 24 × 24 cohort
// triangle. Every load is a fresh page in a fresh browser context; the rounds
// interleave the contenders (in a rotating order), so noise on the machine
// falls on all of them alike. A second pair sets <retention-gauge> alone
// against a plain Lit element showing the same number.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { blocking, launchBrowser, loadOnce, median, table } from '../page-load.mjs';
import { root, startPageServer } from '../page-server.mjs';

/** The chart contenders, in report order; the kit first, Observable Plot the second reference. */
export const CHART_CONTENDERS = [
  { id: 'kit', label: 'Retention Kit (<churn-trend> + <cohort-heatmap>)', page: 'kit.html' },
  { id: 'plot', label: 'Observable Plot', page: 'plot.html' },
  { id: 'echarts', label: 'ECharts', page: 'echarts.html' },
  { id: 'chartjs', label: 'Chart.js + chartjs-chart-matrix', page: 'chartjs.html' },
  { id: 'vega-lite', label: 'Vega-Lite (vega-embed)', page: 'vega-lite.html' },
  { id: 'lit-d3', label: 'Lit + d3 sketch', page: 'lit-d3.html' },
];
export const GAUGE_CONTENDERS = [
  { id: 'kit-gauge', label: 'Retention Kit <retention-gauge>', page: 'kit-gauge.html' },
  { id: 'lit-gauge', label: 'Lit sketch (same number)', page: 'lit-gauge.html' },
];
/** Long tasks are summed up to this long after 'drawn'. */
const SETTLE_MS = 1000;

/**
 * The production build the pages load: `kitDir` (default dist/) must hold
 * retention-kit.js and its worker. A dist/ older than src/ measures old code.
 */
export function checkKitBuild(kitDir, log) {
  const bundle = join(kitDir, 'retention-kit.js');
  if (!existsSync(bundle) || !existsSync(join(kitDir, 'retention-kit.worker.js'))) {
    throw new Error(`${bundle} or its worker is missing: run \`npm run build\` first`);
  }
  const built = statSync(bundle).mtimeMs;
  log(`  kit build: ${bundle} (built ${new Date(built).toISOString()})`);
  if (resolve(kitDir) !== join(root, 'dist')) return;
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? newer(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs > built,
    );
  if (newer(join(root, 'src'))) log('  warning: src/ has files newer than dist/retention-kit.js: run `npm run build` to measure the current code');
}

/** The sketches as a site would ship them: one minified ES module each. */
async function buildSketches(dir) {
  await build({
    entryPoints: ['lit-d3-sketch.ts', 'lit-gauge-sketch.ts'].map((name) => join(root, 'bench/first-chart', name)),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: dir,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
}

/**
 * Runs `runs` measured rounds (after one warm-up round) over both groups.
 * Returns { runs, contenders: { id: { label, group, drawnMs[], tbtMs[], longestMs[], longTasks[] } } }.
 */
export async function runFirstChart({ runs = 15, log = console.error, screenshotDir, kitDir = join(root, 'dist') } = {}) {
  checkKitBuild(kitDir, log);
  const data = JSON.parse(await readFile(join(root, 'bench/first-chart/data.json'), 'utf8'));
  const sketchDir = await mkdtemp(join(tmpdir(), 'retention-first-chart-'));
  const server = await startPageServer({
    kitDir,
    sketchDir,
    placeholders: { churn: JSON.stringify(data.churn), cohorts: JSON.stringify(data.cohorts) },
  });
  const browser = await launchBrowser();
  try {
    await buildSketches(sketchDir);
    if (screenshotDir) await mkdir(screenshotDir, { recursive: true });
    const all = [...CHART_CONTENDERS.map((c) => ({ ...c, group: 'charts' })), ...GAUGE_CONTENDERS.map((c) => ({ ...c, group: 'gauge' }))];
    const results = Object.fromEntries(all.map((c) => [c.id, { label: c.label, group: c.group, drawnMs: [], tbtMs: [], longestMs: [], longTasks: [] }]));
    const version = await browser.version();
    log(`first-chart: ${all.length} pages, 1 warm-up round + ${runs} measured rounds, ${version}`);
    let warned = false;
    for (let round = -1; round < runs; round++) {
      // A rotating order: each contender goes first, second, … about as often as the others.
      const shift = ((round % all.length) + all.length) % all.length;
      const order = [...all.slice(shift), ...all.slice(0, shift)];
      const line = [];
      for (const contender of order) {
        const screenshot = round === -1 && screenshotDir ? join(screenshotDir, `${contender.id}.png`) : undefined;
        const { drawnMs, longTasks, uiPages } = await loadOnce(browser, `${server.origin}/first-chart/${contender.page}`, { settleMs: SETTLE_MS, screenshot });
        if (uiPages && !warned) {
          warned = true;
          log('  warning: Chromium opened pages of its own UI (chrome://…top-chrome) with the page measured: they take CPU from it (see NO_OMNIBOX_WEBUI in bench/page-load.mjs)');
        }
        line.push(`${contender.id} ${drawnMs.toFixed(0)}`);
        // The closed context's renderer goes away in the background: let it, before the next load starts.
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 300));
        if (round < 0) continue;
        const b = blocking(longTasks, drawnMs + SETTLE_MS);
        const r = results[contender.id];
        r.drawnMs.push(drawnMs);
        r.tbtMs.push(b.tbtMs);
        r.longestMs.push(b.longestMs);
        r.longTasks.push(b.longTasks);
      }
      log(`  ${round < 0 ? 'warm-up' : `round ${round + 1}/${runs}`}: ${line.join(', ')} ms`);
    }
    return { version, runs, settleMs: SETTLE_MS, contenders: results };
  } finally {
    await browser.close();
    await server.close();
    await rm(sketchDir, { recursive: true, force: true });
  }
}

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Medians and ratios, the JSON the bench prints with --json. */
export function firstChartJson(result) {
  const m = (id, key) => median(result.contenders[id][key]);
  const out = { chromium: result.version, runs: result.runs, settleMs: result.settleMs, contenders: {} };
  for (const [id, c] of Object.entries(result.contenders)) {
    const reference = c.group === 'charts' ? { kit: m('kit', 'drawnMs'), plot: m('plot', 'drawnMs') } : { kit: m('kit-gauge', 'drawnMs'), sketch: m('lit-gauge', 'drawnMs') };
    const drawn = median(c.drawnMs);
    out.contenders[id] = {
      label: c.label,
      group: c.group,
      drawnMs: round(drawn),
      ...(c.group === 'charts'
        ? { ratioToKit: round(drawn / reference.kit, 3), ratioToPlot: round(drawn / reference.plot, 3) }
        : { ratioToKitGauge: round(drawn / reference.kit, 3), ratioToSketch: round(drawn / reference.sketch, 3) }),
      tbtMs: round(median(c.tbtMs)),
      longestTaskMs: round(median(c.longestMs)),
      drawnRunsMs: c.drawnMs.map((v) => round(v)),
      tbtRunsMs: c.tbtMs.map((v) => round(v)),
    };
  }
  return out;
}

export function firstChartText(result) {
  const json = firstChartJson(result);
  const ms = (v) => v.toFixed(0);
  const range = (values) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
  const rows = (group) => Object.entries(json.contenders).filter(([, c]) => c.group === group);
  const charts = rows('charts').map(([id, c]) => [
    c.label,
    ms(c.drawnMs),
    range(result.contenders[id].drawnMs),
    c.ratioToKit.toFixed(2),
    c.ratioToPlot.toFixed(2),
    ms(c.tbtMs),
    ms(c.longestTaskMs),
  ]);
  const gauge = rows('gauge').map(([id, c]) => [c.label, ms(c.drawnMs), range(result.contenders[id].drawnMs), c.ratioToSketch.toFixed(2), ms(c.tbtMs), ms(c.longestTaskMs)]);
  const kitGauge = json.contenders['kit-gauge'];
  return [
    `=== first chart: ${json.chromium}, median of ${json.runs} fresh loads each, interleaved ===`,
    '',
    'A 36-point churn line and a 24 × 24 cohort triangle (bench/first-chart/data.json), ms from navigation start to drawn',
    table(['contender', 'drawn ms', 'range ms', '× kit', '× Plot', 'TBT ms', 'longest task ms'], charts),
    '',
    'One retention number: <retention-gauge start="500" end="520" new="45"> alone',
    table(['contender', 'shown ms', 'range ms', '× sketch', 'TBT ms', 'longest task ms'], gauge),
    `The gauge takes ${kitGauge.ratioToSketch.toFixed(2)}× the Lit sketch's time.`,
    '',
    `Notes: "drawn" is the first frame painted after the page's marks exist (its SVG in the DOM, or the library's first`,
    `canvas draw; ECharts and Chart.js animate on from there). TBT sums (duration − 50 ms) over main-thread long tasks`,
    `up to drawn + ${json.settleMs / 1000} s (work in a Worker is not on the main thread). Each page loads its library's own minified`,
    'browser build from a loopback server, uncompressed, with no cache.',
  ].join('\n');
}
