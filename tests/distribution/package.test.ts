/**
 * The npm package as an app's bundler sees it (dist/, built by `npm run build`;
 * the test server resolves its `lit`, `d3-*` and `zod` imports like a bundler).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { manifestTags, manyOrders, requireBuilt } from './fixtures/orders.ts';

interface KitElement extends HTMLElement {
  status: string;
  ranIn?: string;
  result?: { retention?: number; period?: string };
  data: unknown;
}

// Imported at run time: these are built files, not sources the type checker sees.
const load = (path: string) => import(/* @vite-ignore */ path) as Promise<Record<string, unknown>>;

describe('distribution: npm package', () => {
  before(() => requireBuilt('/dist/index.js'));

  it('registers every element of the manifest from the package root', async () => {
    const kit = await load('/dist/index.js');
    // The version is package.json's, written in by the build: never a constant kept by hand.
    const { version } = (await (await fetch('/package.json')).json()) as { version: string };
    expect(kit.KIT_VERSION).to.equal(version);
    expect(kit.registerTranslation).to.be.a('function');
    const tags = await manifestTags();
    expect(tags).to.include.members(['retention-gauge', 'churn-trend', 'cohort-heatmap', 'retention-source']);
    for (const tag of tags) expect(customElements.get(tag), `<${tag}>`).to.be.a('function');
  });

  it('has an entry per element, matching the exports pattern "./*" → dist/components/*/define.js', async () => {
    for (const tag of await manifestTags()) {
      const module = await load(`/dist/components/${tag}/define.js`);
      expect(Object.values(module), `<${tag}> exports its class`).to.include(customElements.get(tag));
      await requireBuilt(`/dist/types/components/${tag}/define.d.ts`);
    }
  });

  it('runs a job of more than 20 000 rows in the built worker, with the same answer', async () => {
    await load('/dist/index.js');
    const el = document.createElement('retention-gauge') as KitElement;
    el.setAttribute('window-days', '30');
    el.style.cssText = 'display:block;width:400px;height:300px';
    const rows = manyOrders();
    expect(rows.length).to.be.above(20_000);
    el.data = rows;
    document.body.append(el);
    try {
      await waitUntil(() => el.status === 'ready' || el.status === 'error', 'gauge did not settle', { timeout: 30_000 });
      expect(el.status).to.equal('ready');
      expect(el.ranIn).to.equal('worker');
      // (E − N) / S = (4 − 1) / 5, as with the 11 distinct orders.
      expect(el.result).to.include({ period: '2024-02', retention: 0.6 });
    } finally {
      el.remove();
    }
  });

  it('serves the metrics alone, without the DOM', async () => {
    const metrics = await load('/dist/metrics/index.js');
    const read = metrics.readTransactions as (rows: unknown[], options: object) => { ok: boolean; value?: { customerCount?: number } };
    const table = read([{ customer: 'a', date: '2024-01-02', amount: 5 }], {});
    expect(table.ok).to.equal(true);
    const source = await (await fetch('/dist/metrics/index.js')).text();
    expect(source).not.to.match(/customElements|document\./);
  });
});
