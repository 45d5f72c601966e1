import { expect } from '@open-wc/testing';
import { choiceAttribute, isCheckedConverter, numberAttribute } from '../../../src/components/platform/attribute-rules.ts';

describe('numberAttribute', () => {
  const weekday = numberAttribute({ min: 0, max: 6, integer: true });
  const threshold = numberAttribute({ min: 0, max: 1, allowNone: true });

  it('reads numbers inside the range and leaves a missing or blank attribute to the default', () => {
    expect(weekday.fromAttribute!('1', undefined)).to.equal(1);
    expect(weekday.fromAttribute!(' 6 ', undefined)).to.equal(6);
    expect(weekday.fromAttribute!(null, undefined)).to.equal(undefined);
    expect(weekday.fromAttribute!('', undefined)).to.equal(undefined);
    expect(weekday.refusal('')).to.equal(null);
    expect(threshold.fromAttribute!('7e-2', undefined)).to.equal(0.07);
  });

  it('refuses what is not a number, out of range, non-finite or not whole, giving the default instead', () => {
    for (const text of ['9', '-1', '1.5', 'abc', 'NaN', '1e308', '1e400', 'Infinity', '0x', '1,5']) {
      expect(weekday.fromAttribute!(text, undefined), text).to.equal(undefined);
      expect(weekday.refusal(text), text).to.deep.equal({ min: 0, max: 6, integer: true });
    }
  });

  it('reads none/off/empty as "no value" where the attribute can be turned off', () => {
    expect(threshold.fromAttribute!('none', undefined)).to.equal(null);
    expect(threshold.fromAttribute!('OFF', undefined)).to.equal(null);
    expect(threshold.fromAttribute!('', undefined)).to.equal(null);
    expect(threshold.refusal('none')).to.equal(null);
    expect(threshold.toAttribute!(null, undefined)).to.equal('none');
    expect(weekday.refusal('none')).to.not.equal(null);
  });
});

describe('choiceAttribute', () => {
  const granularity = choiceAttribute(['day', 'week', 'month'] as const, 'month');

  it('accepts a choice in any case and gives the fallback for anything else', () => {
    expect(granularity.fromAttribute!('Week', undefined)).to.equal('week');
    expect(granularity.fromAttribute!('fortnight', undefined)).to.equal('month');
    expect(granularity.refusal('fortnight')).to.deep.equal({ choices: ['day', 'week', 'month'] });
    expect(granularity.refusal(' day ')).to.equal(null);
    expect(isCheckedConverter(granularity)).to.equal(true);
    expect(isCheckedConverter({ fromAttribute: () => 1 })).to.equal(false);
  });
});
