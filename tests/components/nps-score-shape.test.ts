import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NpsScore } from '../../src/components/nps-score/define.ts';
import '../../src/components/nps-score/define.ts';
import { settled } from './settled.ts';

/*
 * <nps-score> given an nps-periods/1 document (#14) draws the numbers it draws from the
 * responses: the survey export in Delighted's layout (640 answers, Jan–Jun 2024) read from its
 * CSV, beside the document the command line writes from the same file
 * (tests/fixtures/surveys/delighted-nps-periods.json; tests/sql/nps-periods.test.mjs checks it
 * is the command line's output and the engine's count).
 */
const SURVEYS = '/tests/fixtures/surveys';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (el: NpsScore) => waitUntil(() => el.status === 'ready' || el.status === 'error', 'nps did not settle', { timeout: 10_000 });

/** What a reader sees: headline, interval, split legend, subtitle, the hidden tables, the bar's segments, the trend's points. */
function drawn(el: NpsScore) {
  const root = el.shadowRoot!;
  return {
    score: text(el, 'score'),
    interval: text(el, 'interval'),
    responses: text(el, 'responses'),
    subtitle: text(el, 'subtitle'),
    legend: [...root.querySelectorAll('[part~="legend"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
    segments: [...root.querySelectorAll('[part~="segment"]')].map((s) => [s.getAttribute('x'), s.getAttribute('width')]),
    points: [...root.querySelectorAll('[part~="point"]')].map((p) => [p.getAttribute('cx'), p.getAttribute('cy'), p.getAttribute('part')]),
    tables: [...root.querySelectorAll('table')].map((t) => [...t.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()))),
  };
}

describe('nps-score reads nps-periods/1', () => {
  it('the document draws the score, interval, split and trend the responses draw', async () => {
    const document = await (await fetch(`${SURVEYS}/delighted-nps-periods.json`)).json();
    const fromRows = await fixture<NpsScore>(
      html`<nps-score style="width: 480px" src="${SURVEYS}/delighted-nps-responses.csv" customer-key="person" date-key="created_at" score-key="score"></nps-score>`,
    );
    const fromShape = await fixture<NpsScore>(html`<nps-score style="width: 480px" .data=${document}></nps-score>`);
    await Promise.all([ready(fromRows), ready(fromShape)]);
    await settled(fromRows);
    await settled(fromShape);
    expect(fromRows.status, JSON.stringify(fromRows.error)).to.equal('ready');
    expect(fromShape.status, JSON.stringify(fromShape.error)).to.equal('ready');
    // The engine's figures: 276 promoters, 168 passives, 196 detractors of 640 → 12.5.
    expect(fromRows.result!.nps).to.include({ promoters: 276, passives: 168, detractors: 196, responses: 640, score: 12.5 });
    const { input, ...shapeModel } = fromShape.result!;
    const { input: rowsInput, weekStart, ...rowsModel } = fromRows.result!;
    expect([input, rowsInput, weekStart]).to.deep.equal(['periods', 'responses', undefined]);
    expect(shapeModel).to.deep.equal(rowsModel);
    const picture = drawn(fromRows);
    expect(picture.score).to.equal('13');
    expect(picture.responses).to.equal('640 responses');
    expect(picture.points.length).to.equal(6);
    expect(picture.segments.length).to.equal(3);
    // Without a granularity of its own, the element draws the document's month calendar.
    expect(drawn(fromShape)).to.deep.equal(picture);
  });

  it('a granularity the page set to another than the document\'s is said on the page, naming both', async () => {
    const document = await (await fetch(`${SURVEYS}/delighted-nps-periods.json`)).json();
    const el = await fixture<NpsScore>(html`<nps-score granularity="week" .data=${document}></nps-score>`);
    await settled(el);
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.textContent).to.contain('granularity').and.contain('as the nps-periods/1 document was counted').and.contain('"week"');
  });

  it('a document of another version is refused by name, on the page', async () => {
    const el = await fixture<NpsScore>(html`<nps-score .data=${{ shape: 'nps-periods/2', periods: [] }}></nps-score>`);
    await ready(el);
    expect(el.status).to.equal('error');
    expect(el.error!.message).to.match(/shape.*nps-periods\/1.*nps-periods\/2/);
    expect(el.shadowRoot!.textContent).to.contain('nps-periods/2');
  });
});
