import { expect } from '@open-wc/testing';
import { readMargin } from '../../src/metrics/margin.ts';
import { marginAttribute, refusedAttributeWarning } from '../../src/components/platform/attribute-rules.ts';

describe('readMargin: one reading of a gross margin', () => {
  it('a fraction up to 1, a percent with its sign, a bare number above 1 as a percent', () => {
    expect(readMargin('0.78')).to.deep.equal({ ok: true, fraction: 0.78, notation: 'fraction' });
    expect(readMargin('78')).to.deep.equal({ ok: true, fraction: 0.78, notation: 'bare-percent' });
    expect(readMargin('78 %')).to.deep.equal({ ok: true, fraction: 0.78, notation: 'percent' });
    expect(readMargin('78%')).to.deep.equal({ ok: true, fraction: 0.78, notation: 'percent' });
    expect(readMargin(' 78\u00a0% ')).to.deep.equal({ ok: true, fraction: 0.78, notation: 'percent' });
    expect(readMargin('0')).to.deep.equal({ ok: true, fraction: 0, notation: 'fraction' });
    // 1 is a fraction: 100 %. Whoever means 1 % writes "1 %".
    expect(readMargin('1')).to.deep.equal({ ok: true, fraction: 1, notation: 'fraction' });
    expect(readMargin('1 %')).to.deep.equal({ ok: true, fraction: 0.01, notation: 'percent' });
    expect(readMargin('100')).to.deep.equal({ ok: true, fraction: 1, notation: 'bare-percent' });
    expect(readMargin('0.5 %')).to.deep.equal({ ok: true, fraction: 0.005, notation: 'percent' });
    expect(readMargin(0.78)).to.deep.equal({ ok: true, fraction: 0.78, notation: 'fraction' });
    expect(readMargin(78)).to.deep.equal({ ok: true, fraction: 0.78, notation: 'bare-percent' });
  });

  it('refuses what no margin is, with the reason', () => {
    expect(readMargin('150')).to.deep.equal({ ok: false, problem: 'above-100' });
    expect(readMargin('100.5 %')).to.deep.equal({ ok: false, problem: 'above-100' });
    expect(readMargin('-1')).to.deep.equal({ ok: false, problem: 'negative' });
    expect(readMargin('-5 %')).to.deep.equal({ ok: false, problem: 'negative' });
    for (const text of ['abc', '', '%', '78 %%', '0,78', '1e400', 'NaN', '0x10']) expect(readMargin(text), text).to.deep.equal({ ok: false, problem: 'not-a-number' });
    expect(readMargin(Number.NaN)).to.deep.equal({ ok: false, problem: 'not-a-number' });
  });

  it('marginAttribute keeps the text as written, refuses the rest and says what a margin takes', () => {
    expect(marginAttribute.fromAttribute!('78 %')).to.equal('78 %');
    expect(marginAttribute.fromAttribute!(' 0.78 ')).to.equal('0.78');
    expect(marginAttribute.fromAttribute!('150')).to.equal(undefined);
    expect(marginAttribute.refusal('78')).to.equal(null);
    expect(marginAttribute.refusal('')).to.equal(null);
    expect(marginAttribute.refusal('150')).to.deep.equal({ takes: 'margin' });
    expect(marginAttribute.refusal('-1')).to.deep.equal({ takes: 'margin' });
    expect(marginAttribute.refusal('abc')).to.deep.equal({ takes: 'margin' });
    const warning = refusedAttributeWarning('gross-margin', '150', { takes: 'margin' });
    expect(warning.params).to.deep.equal({ attribute: 'gross-margin', value: '150', takes: 'margin' });
    expect(warning.message).to.equal('gross-margin="150" is not used: it takes a margin from 0 to 1 (0.78) or a percent up to 100 (78 %), so the default applies.');
  });
});
