import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/churn-trend/define.ts';
import '../../../src/components/customer-health/define.ts';
import '../../../src/components/nps-score/define.ts';

/**
 * Elements draw to the width they are given and have none of their own, so in
 * a box that shrinks to its content they would collapse to their padding. The
 * platform gives them 16rem there, and never more than a box of known width.
 */
const REM = 16;
const boxes = {
  'an inline-block': 'display: inline-block',
  'a float': 'float: left',
  'a flex row': 'display: flex',
};

describe('element width in boxes that shrink to fit', () => {
  for (const [name, style] of Object.entries(boxes)) {
    it(`a chart, a container-query element and a table keep 16rem in ${name}`, async () => {
      const box = await fixture<HTMLDivElement>(html`<div style=${style}>
        <churn-trend></churn-trend>
        <nps-score promoters="5" passives="3" detractors="2"></nps-score>
        <customer-health></customer-health>
      </div>`);
      for (const el of box.children) expect(el.getBoundingClientRect().width, el.localName).to.be.at.least(16 * REM);
    });
  }

  it('stays inside a narrower box of known width', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display: flex; width: 180px"><churn-trend></churn-trend></div>`);
    expect(box.firstElementChild!.getBoundingClientRect().width).to.be.at.most(180);
  });

  it('lets the page set a smaller minimum', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="display: inline-block"><churn-trend style="min-width: 0; contain-intrinsic-inline-size: 8rem"></churn-trend></div>`);
    expect(box.firstElementChild!.getBoundingClientRect().width).to.equal(8 * REM);
  });
});
