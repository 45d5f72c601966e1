// Turns raw measurements into the JSON the bench prints with --json and into
// the readable tables it prints otherwise.

/** Targets from the performance issue, all relative to JSON.parse of the same input. */
export const TARGETS = { metricRatio: 0.5, validationRatio: 1.5, extraMemoryRatio: 2 };
export const METRICS = ['cohortMatrix', 'churnSeries', 'repeatPurchaseRate'];

export function sizeLabel(size) {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`;
  if (size >= 1000 && size % 1000 === 0) return `${size / 1000}k`;
  return String(size);
}

/** environment → size → case → { ms, ratioToJsonParse, peakBytes, … } */
export function toJson(environments) {
  const json = {};
  for (const [env, { results }] of Object.entries(environments)) {
    json[env] = {};
    for (const result of results) {
      const baseline = result.cases['JSON.parse']?.ms;
      const cases = {};
      for (const [name, c] of Object.entries(result.cases)) {
        cases[name] = {
          ms: round(c.ms, 3),
          ratioToJsonParse: baseline ? round(c.ms / baseline, 3) : null,
          peakBytes: c.peakBytes,
          retainedBytes: c.retainedBytes,
          extraMemoryRatio: round(c.peakBytes / result.parsedInputBytes, 3),
          msPer1kRows: round((c.ms / result.size) * 1000, 4),
          runsMs: c.runsMs.map((ms) => round(ms, 3)),
        };
        if (name === 'JSON.parse') Object.assign(cases[name], { inputBytes: result.inputBytes, parsedInputBytes: result.parsedInputBytes });
      }
      json[env][sizeLabel(result.size)] = cases;
    }
  }
  return json;
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const mb = (bytes) => (Math.max(0, bytes) / 1_048_576).toFixed(1);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function toText(environments) {
  const out = [];
  for (const [env, { version, results }] of Object.entries(environments)) {
    out.push(`=== ${env}: ${version} ===`, '');
    for (const result of results) {
      const baseline = result.cases['JSON.parse'].ms;
      out.push(
        `${result.size.toLocaleString('en')} transactions · JSON text ${mb(result.inputBytes)} MB · parsed input ${mb(result.parsedInputBytes)} MB on the heap`,
      );
      const rows = Object.entries(result.cases).map(([name, c]) => [
        name,
        c.ms.toFixed(2),
        (c.ms / baseline).toFixed(3),
        ((c.ms / result.size) * 1000).toFixed(4),
        `${(Math.min(...c.runsMs)).toFixed(1)}–${(Math.max(...c.runsMs)).toFixed(1)}`,
        mb(c.peakBytes),
        mb(c.retainedBytes),
        (c.peakBytes / result.parsedInputBytes).toFixed(3),
      ]);
      out.push(table(['case', 'median ms', '× JSON.parse', 'ms/1k rows', 'range ms', 'peak MB', 'kept MB', 'peak / parsed'], rows), '');
    }
    if (results.length > 1) {
      out.push('Linear growth: ms per 1k rows by size (flat = linear)');
      const names = Object.keys(results[0].cases);
      const rows = names.map((name) => [name, ...results.map((r) => ((r.cases[name].ms / r.size) * 1000).toFixed(4))]);
      out.push(table(['case', ...results.map((r) => sizeLabel(r.size))], rows), '');
    }
    out.push(...targetLines(results.at(-1)), '');
  }
  out.push(
    'Notes: medians after warm-up runs; "× JSON.parse" divides by JSON.parse of the same text in the same session.',
    '"peak" is heap + ArrayBuffer memory in use when the call returns, before a forced GC (GCs during the call can free',
    'garbage earlier, so it is a lower bound of the high-water mark); "kept" is what stays after a full GC with the result',
    'held; "peak / parsed" divides by the heap taken by the parsed input (the array of row objects).',
  );
  return out.join('\n');
}

function targetLines(result) {
  const baseline = result.cases['JSON.parse'].ms;
  const verdict = (ok) => (ok ? 'meets' : 'MISSES');
  const lines = [`Targets at ${result.size.toLocaleString('en')} rows:`];
  const validate = result.cases.validate;
  if (validate) {
    const ratio = validate.ms / baseline;
    lines.push(`  validation (readTransactions on parsed rows) ${ratio.toFixed(3)}× JSON.parse, target ≤ ${TARGETS.validationRatio}×: ${verdict(ratio <= TARGETS.validationRatio)}`);
  }
  const both = result.cases['parse+validate'];
  if (both) lines.push(`  (parse+validate together: ${(both.ms / baseline).toFixed(3)}× JSON.parse)`);
  for (const name of METRICS) {
    const c = result.cases[name];
    if (!c) continue;
    const ratio = c.ms / baseline;
    lines.push(`  ${name} ${ratio.toFixed(3)}× JSON.parse, target ≤ ${TARGETS.metricRatio}×: ${verdict(ratio <= TARGETS.metricRatio)}`);
  }
  for (const name of ['validate', ...METRICS]) {
    const c = result.cases[name];
    if (!c) continue;
    const ratio = c.peakBytes / result.parsedInputBytes;
    lines.push(`  ${name} extra memory ${ratio.toFixed(3)}× parsed input, target < ${TARGETS.extraMemoryRatio}×: ${verdict(ratio < TARGETS.extraMemoryRatio)}`);
  }
  return lines;
}
