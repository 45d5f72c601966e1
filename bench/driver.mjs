// The measuring protocol, the same for every engine. An engine adapter
// creates a BenchSession (bench/harness.ts) inside the engine, calls its
// methods, forces garbage collection and reads heap usage; this module decides
// what is measured and in which order.

export const SIZE_NAMES = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 };
export const SEED = 20_240_601;

/** More runs on small inputs, where one run is short and noise is relatively large. */
function runPlan(size) {
  if (size <= 10_000) return { warmup: 5, runs: 15 };
  if (size <= 100_000) return { warmup: 3, runs: 9 };
  return { warmup: 1, runs: 5 };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Memory a step leaves behind: heap in use right after it returns (before any
 * collection we force: transient garbage still counts), and after a full
 * collection with its result still held. Collections V8 runs by itself during
 * the step can free transient garbage early, so `peak` is a lower bound of
 * the true high-water mark.
 */
async function memoryOf(engine, step) {
  await engine.gc();
  const base = await engine.heap();
  await step();
  const after = await engine.heap();
  await engine.gc();
  const retained = (await engine.heap()) - base;
  await engine.call('release');
  await engine.gc();
  return { peak: Math.max(after - base, retained), retained };
}

/**
 * Measures every case at one size. Returns { inputBytes, parsedInputBytes,
 * cases: { name: { runsMs, ms, peakBytes, retainedBytes, summary } } }.
 */
export async function measureSize(engine, size, cases, log) {
  const plan = runPlan(size);
  const inputBytes = await engine.create(size, SEED);
  const parsed = await memoryOf(engine, () => engine.call('keepParsedInput'));
  const result = { size, inputBytes, parsedInputBytes: parsed.retained, cases: {} };
  for (const name of cases) {
    const summary = await engine.call('summary', name);
    await engine.call('setUp', name);
    await engine.gc();
    const runsMs = await engine.call('time', name, plan.warmup, plan.runs);
    const memory = await memoryOf(engine, () => engine.call('runAndKeep', name));
    const ms = median(runsMs);
    result.cases[name] = { runsMs, ms, peakBytes: memory.peak, retainedBytes: memory.retained, summary };
    log(`  ${engine.name} ${size.toLocaleString('en')} ${name}: ${ms.toFixed(2)} ms (${summary})`);
  }
  await engine.dispose();
  return result;
}
