/**
 * Shares the main thread between the elements' first renders.
 *
 * Lit runs every pending update in microtasks of the task that asked for them, so a page that
 * connects many elements at once (`customElements.define` upgrading a portal's forty tiles, a
 * framework rendering a list, the autoloader's module arriving) draws all of them in one task:
 * with 100 elements, 150–300 ms in which the page answers no click or key. Here a first render
 * that would start after {@link SLICE_MS} of other updates in the same task waits in a queue
 * instead, and the queue is drained a slice per task. One task then holds about a frame's worth
 * of drawing plus at most one render; elements draw in the order they asked, and
 * `updateComplete` still resolves after the update, so nothing that awaits it sees a difference.
 */

/** How much updating one task may hold before the next update waits (about one frame). */
export const SLICE_MS = 16;

/** When the current task's first update started; unset once that task is over. */
let sliceStart: number | undefined;
/** Updates waiting for a later task, first come first drawn. */
const waiting: (() => void)[] = [];
let drainSet = false;

/**
 * Runs each function in a task of its own, in order, after the current one. A message, not a
 * timer: timers are clamped to 4 ms once nested and throttled to one a second in a background
 * tab, where this would hold back every element's update; messages are neither.
 */
let channel: MessageChannel | undefined;
const nextTasks: (() => void)[] = [];
function inNextTask(run: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => nextTasks.shift()!();
  }
  nextTasks.push(run);
  channel.port2.postMessage(undefined);
}

function startSlice(now: number): void {
  sliceStart = now;
  // A later task starts a slice of its own.
  inNextTask(() => {
    if (sliceStart === now) sliceStart = undefined;
  });
}

/** Whether an update may run in this task, starting a slice if it is the task's first. */
function updateFitsThisTask(): boolean {
  const now = performance.now();
  if (sliceStart === undefined) {
    startSlice(now);
    return true;
  }
  return now - sliceStart < SLICE_MS;
}

/** Runs the waiting updates, a slice's worth in this task and the rest in the next ones. */
function drain(): void {
  drainSet = false;
  startSlice(performance.now());
  do waiting.shift()!();
  while (waiting.length && updateFitsThisTask());
  if (waiting.length) setDrain();
}

function setDrain(): void {
  if (drainSet) return;
  drainSet = true;
  inNextTask(drain);
}

/**
 * Runs `update` now if it fits in this task and nothing is waiting before it, else in a later
 * task; resolves (or rejects) with what it returned (threw).
 */
export function inTurn<T>(update: () => T): T | Promise<T> {
  if (!waiting.length && updateFitsThisTask()) return update();
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      try {
        resolve(update());
      } catch (error) {
        reject(error);
      }
    });
    setDrain();
  });
}
