import { expect } from '@open-wc/testing';
import { npsByPeriod, readSurveyResponses } from '../../src/metrics/surveys.ts';

describe('readSurveyResponses', () => {
  it('reads mapped columns; customer and date are optional', () => {
    const result = readSurveyResponses(
      [
        { who: 'a@x', answered: '2024-01-31T23:30:00-02:00', nps: '9' },
        { who: '', answered: '', nps: 3 },
      ],
      { fields: { customer: 'who', date: 'answered', score: 'nps' } },
    );
    expect(result.ok && result.value).to.deep.equal([
      // 2024-01-31 23:30 at −02:00 is 2024-02-01 01:30 UTC: day 19754
      { customer: 'a@x', day: 19754, score: 9 },
      { customer: undefined, day: undefined, score: 3 },
    ]);
  });

  it('names record and field of a bad score, a bad date, a missing score', () => {
    const result = readSurveyResponses([{ score: 10 }, { score: 11 }, { score: 5, date: '2024-02-30' }, { date: '2024-01-01' }, { score: Number.NaN }]);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues.map((i) => [i.index, i.field, i.found])).to.deep.equal([
      [1, 'score', '11'],
      [2, 'date', '"2024-02-30"'],
      [3, 'score', 'nothing'],
      [4, 'score', 'NaN'],
    ]);
    expect(result.error.message).to.contain('record 2, field "score": expected a whole number from 0 to 10, found 11');
  });
});

describe('npsByPeriod', () => {
  it('scores each month and leaves months without answers empty', () => {
    const responses = [
      { day: 19723, score: 10 }, // 2024-01-01
      { day: 19753, score: 6 }, // 2024-01-31
      { day: 19754 + 29, score: 9 }, // 2024-03-01
      { day: 19754 + 30, score: 9 }, // 2024-03-02
      { day: 19754 + 31, score: 8 }, // 2024-03-03
    ];
    const result = npsByPeriod(responses, { granularity: 'month' });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.map((p) => p.period.key)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    // January: 1 promoter, 1 detractor of 2 → (1 − 1) × 100 / 2 = 0
    expect(result.value[0].nps?.score).to.equal(0);
    expect(result.value[1].nps).to.equal(null);
    // March: 2 promoters, 1 passive of 3 → 2 × 100 / 3 = 66.67
    expect(result.value[2].nps?.score).to.be.closeTo(66.667, 1e-3);
    expect(result.value[2].nps?.passives).to.equal(1);
  });

  it('reports a response without a date, and a bad granularity', () => {
    const result = npsByPeriod([{ day: 1, score: 5 }, { score: 7 }], { granularity: 'month' });
    expect(!result.ok && result.error.issues[0]).to.include({ index: 1, field: 'date' });
    const bad = npsByPeriod([], { granularity: 'fortnight' as never });
    expect(!bad.ok && bad.error.issues[0]).to.include({ field: 'granularity' });
  });
});
