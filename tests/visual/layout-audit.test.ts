/**
 * The audit of geometry.test.ts, held to drawings with one known defect each,
 * so a green visual suite means the checks looked and found nothing, not that
 * they cannot find anything. The drawings live in the shadow root of a plain
 * host, as the kit's elements draw.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { contrastRatio, paintedColor } from './contrast.ts';
import { auditElement } from './layout-audit.ts';

async function drawing(markup: string, width = 300): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div style="width:${width}px; font: 14px/1.4 sans-serif; color: #111827; background: #fff"></div>`);
  const root = host.attachShadow({ mode: 'open' });
  const template = document.createElement('template');
  template.innerHTML = markup;
  root.append(template.content);
  return host;
}

const chart = (inside: string): string =>
  `<svg width="300" height="120" viewBox="0 0 300 120" style="display: block"><rect x="10" y="10" width="40" height="80" fill="#1d4ed8"></rect>${inside}</svg>`;
const problemsOf = async (markup: string, kind: string): Promise<string[]> =>
  auditElement(await drawing(markup)).filter((problem) => problem.includes(kind));

describe('layout audit', () => {
  it('passes a clean drawing: a title, a wrapped paragraph, a flex row, a chart with labels', async () => {
    const host = await drawing(`
      <h3>Title</h3>
      <p>A paragraph long enough to wrap over two or three lines in a box of three hundred pixels.</p>
      <div style="display: flex; gap: 4px"><span>one</span><span>two</span><b>three</b></div>
      ${chart('<text x="20" y="110" font-size="12">Jan</text><text x="200" y="110" font-size="12">Dec</text><text x="30" y="50" fill="#fff" font-size="12" text-anchor="middle">42</text>')}`);
    expect(auditElement(host)).to.deep.equal([]);
  });

  it('finds NaN and Infinity in attributes and text', async () => {
    const problems = await problemsOf(`<p>Rate NaN %</p>${chart('<path d="M0,NaNL10,10" stroke="black"></path><line x1="0" x2="Infinity" stroke="black"></line>')}`, 'non-finite');
    expect(problems).to.have.length(3);
    expect(problems.join('\n')).to.contain('Rate NaN %').and.to.contain('d="M0,NaNL10,10"').and.to.contain('x2="Infinity"');
  });

  it('names the two SVG labels that overlap', async () => {
    const problems = await problemsOf(chart('<text x="100" y="60" font-size="12">Jan 2024</text><text x="120" y="62" font-size="12">Feb 2024</text>'), 'overlap');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/labels overlap by [\d.]+×[\d.]+ px: "Jan 2024" and "Feb 2024"/);
  });

  it('names the two HTML labels that overlap', async () => {
    const problems = await problemsOf('<div style="position: relative; height: 40px"><span style="position: absolute; left: 0">Revenue</span><span style="position: absolute; left: 20px; top: 4px">Churn</span></div>', 'overlap');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.contain('"Revenue" and "Churn"');
  });

  it('leaves out text for screen readers only', async () => {
    const hidden = 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)';
    const host = await drawing(`<p>Shown</p><div style="${hidden}"><table><tr><td>Read out</td><td>Read out too</td></tr></table></div>
      <div style="display: flex"><span>Kept</span><span style="position: absolute; width: 1px; clip-path: inset(50%)">Hidden column</span></div>`);
    expect(auditElement(host)).to.deep.equal([]);
  });

  it('finds a label outside its SVG and one cut off by a clipping box, but not one ended by an ellipsis', async () => {
    const svg = await problemsOf(chart('<text x="260" y="60" font-size="12">A label past the edge</text>'), 'outside');
    expect(svg).to.deep.equal([svg[0]]);
    expect(svg[0]).to.match(/label "A label past the edge" is [\d.]+ px outside its SVG/);
    const cut = await problemsOf('<div style="width: 60px; overflow: hidden; white-space: nowrap">Cut off in the middle</div>', 'outside');
    expect(cut).to.have.length(1);
    expect(cut[0]).to.contain('outside a clipping <div>');
    const marked = await problemsOf('<div style="width: 60px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">Ends with an ellipsis</div>', 'outside');
    expect(marked).to.deep.equal([]);
  });

  it('finds an empty chart box and a blank drawing', async () => {
    expect(await problemsOf('<p>Title</p><svg width="200" height="100" style="display: block"></svg>', 'draws')).to.deep.equal([
      'an SVG of 200×100 px draws nothing',
      'the chart draws no mark (1 SVG without a shape)',
    ]);
    const flat = await drawing('');
    flat.style.height = '0';
    expect(auditElement(flat)).to.deep.equal(["the element's box is 300×0 px"]);
  });

  it('measures contrast against what is under the words: the page, a box, a filled SVG shape', async () => {
    const grey = await problemsOf('<p style="color: #949494">Light grey body text</p><p style="color: #949494; font-size: 24px">Large</p>', 'contrast');
    expect(grey).to.have.length(1);
    expect(grey[0]).to.match(/"Light grey body text" has contrast 3\.0\d:1 < 4\.5:1/);
    const onBox = await problemsOf('<div style="background: #1d4ed8"><span style="color: #1e3a8a">Dark on blue</span></div>', 'contrast');
    expect(onBox).to.have.length(1);
    const onShape = await problemsOf(chart('<rect x="100" y="10" width="80" height="40" fill="#fde68a"></rect><text x="110" y="35" fill="#fff" font-size="12">White on yellow</text>'), 'contrast');
    expect(onShape).to.have.length(1);
    expect(onShape[0]).to.contain('"White on yellow"').and.to.contain('on rgb(253 230 138)');
    const faded = await problemsOf('<p style="opacity: 0.3">Faded text</p>', 'contrast');
    expect(faded).to.have.length(1);
  });

  it('reads colours as the browser paints them', () => {
    expect(contrastRatio(paintedColor('black')!, paintedColor('#fff')!)).to.be.closeTo(21, 1e-9);
    expect(contrastRatio(paintedColor('rgb(118 118 118)')!, paintedColor('white')!)).to.be.closeTo(4.54, 0.01);
    expect(paintedColor('transparent')!.a).to.equal(0);
    expect(paintedColor('none')).to.equal(null);
  });
});
