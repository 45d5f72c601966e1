import { expect } from '@open-wc/testing';
import { SLICE_MS, inTurn } from '../../../src/components/platform/update-slices.ts';
import '../../../src/components/retention-gauge/define.ts';

/** Keeps the main thread busy for at least `ms` (the point of these tests is work that takes time). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const nextTask = () => new Promise((done) => setTimeout(done, 0));

describe('update slices', () => {
  it('runs an update at once until a slice of time is used, then in a later task, in the order asked', async () => {
    await nextTask();
    const ran: string[] = [];
    expect(inTurn(() => ran.push('first') && 'first'), 'the first update of a task').to.equal('first');
    busy(SLICE_MS + 2);
    const second = inTurn(() => (ran.push('second'), 'second'));
    const third = inTurn(() => (ran.push('third'), 'third'));
    const refused = inTurn(() => {
      throw new Error('render failed');
    });
    expect(ran, 'after a slice of work, nothing more runs in this task').to.deep.equal(['first']);
    expect(await second).to.equal('second');
    expect(await third).to.equal('third');
    expect(ran).to.deep.equal(['first', 'second', 'third']);
    let error: unknown;
    await Promise.resolve(refused).catch((e) => (error = e));
    expect((error as Error).message, 'what an update threw reaches whoever waits for it').to.equal('render failed');
  });

  it('draws many elements connected at once over several tasks, in the order they were connected', async () => {
    // A gauge that takes 5 ms to render, so that thirty of them take 150 ms whatever the machine.
    const Gauge = customElements.get('retention-gauge') as unknown as new () => HTMLElement & { update(changed: unknown): void; hasUpdated: boolean };
    const firstUpdates: { index: number; task: number }[] = [];
    let task = 0;
    class SlowGauge extends (Gauge as unknown as { new (): HTMLElement }) {
      index = 0;
      update(changed: unknown): void {
        const self = this as unknown as InstanceType<typeof Gauge>;
        if (!self.hasUpdated) firstUpdates.push({ index: this.index, task });
        busy(5);
        (Gauge.prototype.update as (c: unknown) => void).call(this, changed);
      }
    }
    customElements.define('slow-gauge-for-slices', SlowGauge);
    // A counter that moves on in every task: messages, as the slices use, run in the order they were posted.
    let counting = true;
    const ticks = new MessageChannel();
    ticks.port1.onmessage = () => {
      task++;
      if (counting) ticks.port2.postMessage(undefined);
    };
    ticks.port2.postMessage(undefined);
    await nextTask();

    const box = document.createElement('div');
    const gauges = Array.from({ length: 30 }, (_, index) => {
      const gauge = Object.assign(document.createElement('slow-gauge-for-slices') as SlowGauge, { index });
      for (const [name, value] of Object.entries({ start: '500', end: '520', new: '45' })) gauge.setAttribute(name, value);
      return gauge;
    });
    box.append(...gauges);
    document.body.append(box);
    await Promise.all(gauges.map((gauge) => (gauge as unknown as { updateComplete: Promise<boolean> }).updateComplete));
    counting = false;
    box.remove();

    expect(firstUpdates.map((update) => update.index)).to.deep.equal(gauges.map((_, index) => index));
    const perTask = new Map<number, number>();
    for (const update of firstUpdates) perTask.set(update.task, (perTask.get(update.task) ?? 0) + 1);
    // Each update takes at least 5 ms, so a task holds at most the updates that start within the slice.
    const mostInOneTask = Math.max(...perTask.values());
    expect(mostInOneTask, [...perTask.values()].join(', ')).to.be.at.most(Math.ceil(SLICE_MS / 5));
    expect(perTask.size).to.be.at.least(Math.ceil(30 / Math.ceil(SLICE_MS / 5)));
  });
});
