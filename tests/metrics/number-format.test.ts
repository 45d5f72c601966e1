import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { describeNumberFormat, inferDecimalMark, toAmount, type DecimalMark } from '../../src/metrics/read/number-format.ts';
import { toFiniteNumber } from '../../src/metrics/read/values.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('toAmount', () => {
  const cases: [unknown, DecimalMark, number][] = [
    // plain numbers and signs
    [12.5, '.', 12.5],
    [-3, ',', -3],
    ['12.50', '.', 12.5],
    ['  12.50 ', '.', 12.5],
    ['12,50', ',', 12.5],
    ['-5', '.', -5],
    ['+5', ',', 5],
    ['\u22125,5', ',', -5.5],
    ['.5', '.', 0.5],
    [',5', ',', 0.5],
    ['12.', '.', 12],
    ['0', '.', 0],
    // thousands separators in groups of three
    ['1,234', '.', 1234],
    ['1.234', ',', 1234],
    ['1,234,567.89', '.', 1234567.89],
    ['1.234.567,89', ',', 1234567.89],
    ['1 234,50', ',', 1234.5],
    [`1${NBSP}234${NBSP}567,5`, ',', 1234567.5],
    [`1${NNBSP}234,50`, ',', 1234.5],
    ['1 234.50', '.', 1234.5],
    ["1'234.50", '.', 1234.5],
    ['1\u2019234.50', '.', 1234.5],
    ["1'234,50", ',', 1234.5],
    // currencies before or after, with or without a space, with the sign on either side
    ['$1,234.50', '.', 1234.5],
    ['-$5', '.', -5],
    ['$-5', '.', -5],
    ['$ 5', '.', 5],
    ['€ 12,00', ',', 12],
    ['12,00 €', ',', 12],
    [`-1.234,50${NBSP}€`, ',', -1234.5],
    ['12.00 EUR', '.', 12],
    ['EUR12.00', '.', 12],
    ['12.00EUR', '.', 12],
    ['kr 1 234,50', ',', 1234.5],
    [`\u22121${NBSP}234,50${NBSP}kr`, ',', -1234.5],
    ['R$ 10,00', ',', 10],
    ['US$10.00', '.', 10],
    [`10,00${NBSP}$US`, ',', 10],
    ["CHF-1'234.50", '.', -1234.5],
    ['£7', '.', 7],
    ['¥1,000', '.', 1000],
    ['₹1,234.5', '.', 1234.5],
    ['12 zł', ',', 12],
    // accounting negatives
    ['(12.50)', '.', -12.5],
    ['($1,234.50)', '.', -1234.5],
    ['(12,50 €)', ',', -12.5],
    // exponents only without separators
    ['1e3', '.', 1000],
    ['1,5e3', ',', 1500],
    ['-2.5E-2', '.', -0.025],
  ];
  const rejected: [unknown, DecimalMark][] = [
    ['', '.'],
    ['   ', ','],
    ['0x1F', '.'],
    ['NaN', '.'],
    ['Infinity', '.'],
    ['-Infinity', ','],
    ['INF', '.'],
    ['1,5', '.'],
    ['1.5', ','],
    ['1,2345', '.'],
    ['1234,567', '.'],
    ['1,234,56', '.'],
    ['1,234 567', '.'],
    ['1.234,56', '.'],
    ['1,234.56', ','],
    ['1,234e3', '.'],
    ['1e', '.'],
    ['CHF 5.–', '.'],
    ['$', '.'],
    ['-', '.'],
    ['.', '.'],
    ['--5', '.'],
    ['(-5)', '.'],
    ['$5 USD', '.'],
    ['5 dollars', '.'],
    ['5-', '.'],
    ['1 2', '.'],
    [Number.NaN, '.'],
    [Infinity, ','],
    [null, '.'],
    [true, '.'],
    [{}, ','],
  ];

  it('reads amounts under each decimal mark', () => {
    for (const [value, decimal, expected] of cases) expect(toAmount(value, decimal), `${String(value)} under ${decimal}`).to.equal(expected);
  });

  it('rejects what is not a number under the mark', () => {
    for (const [value, decimal] of rejected) expect(toAmount(value, decimal), `${String(value)} under ${decimal}`).to.be.NaN;
  });

  it('agrees with toFiniteNumber on plain decimal text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (number) => {
        const text = String(number);
        expect(toAmount(text, '.')).to.equal(toFiniteNumber(text));
      }),
    );
  });
});

describe('inferDecimalMark', () => {
  const infer = (values: unknown[], options?: { given?: DecimalMark; hint?: DecimalMark }) => inferDecimalMark((index) => values[index], values.length, options);

  it('settles the mark from values that show it, with the currencies seen', () => {
    expect(infer(['$1,234.50', '$3', '-$5'])).to.deep.equal({ ok: true, decimal: '.', currencySymbols: ['$'] });
    expect(infer(['1.234,56 €', '3 €', '€ 4'])).to.deep.equal({ ok: true, decimal: ',', currencySymbols: ['€'] });
    expect(infer(['1 234,567', '7'])).to.deep.equal({ ok: true, decimal: ',', currencySymbols: [] });
    expect(infer(['1.234.567', '7'])).to.deep.equal({ ok: true, decimal: ',', currencySymbols: [] });
    expect(infer(['1,234,567', '7'])).to.deep.equal({ ok: true, decimal: '.', currencySymbols: [] });
    expect(infer(['0.5'])).to.deep.equal({ ok: true, decimal: '.', currencySymbols: [] });
    expect(infer(['1.2345'])).to.deep.equal({ ok: true, decimal: '.', currencySymbols: [] });
    expect(infer(['12.00 EUR', '$3.10', '(£4.00)', 'R$ 1.00', 'kr 2.00', '5.00 nonsense'])).to.deep.equal({
      ok: true,
      decimal: '.',
      currencySymbols: ['EUR', '$', '£', 'R$', 'kr'],
    });
  });

  it('keeps the hint when no value shows the mark', () => {
    expect(infer(['1,234', '5', 7, '', null])).to.deep.equal({ ok: true, decimal: '.', currencySymbols: [] });
    expect(infer(['1.234', '5'], { hint: ',' })).to.deep.equal({ ok: true, decimal: ',', currencySymbols: [] });
    expect(infer([], { hint: ',' })).to.deep.equal({ ok: true, decimal: ',', currencySymbols: [] });
  });

  it('refuses a column that shows both marks, with an example of each', () => {
    expect(infer(['3', '$1,234.50', '€ 5,5', '2,25'])).to.deep.equal({
      ok: false,
      dot: { index: 1, example: '$1,234.50' },
      comma: { index: 2, example: '€ 5,5' },
    });
  });

  it('returns a given mark and still collects currencies', () => {
    expect(infer(['$1,234.50', '5,5 €'], { given: ',' })).to.deep.equal({ ok: true, decimal: ',', currencySymbols: ['$', '€'] });
  });

  it('describes each mark for messages', () => {
    expect(describeNumberFormat('.')).to.equal('a number such as 1,234.50');
    expect(describeNumberFormat(',')).to.equal('a number such as 1.234,50 (decimal comma)');
  });

  it('reads back columns of amounts as Intl writes them in several locales', () => {
    const locales: [string, DecimalMark][] = [
      ['en-US', '.'],
      ['de-DE', ','],
      ['fr-FR', ','],
      ['nb-NO', ','],
      ['de-CH', '.'],
    ];
    const style = fc.oneof(
      fc.constant<Intl.NumberFormatOptions>({}),
      fc.constantFrom('USD', 'EUR', 'NOK', 'CHF', 'GBP', 'SEK').chain((currency) =>
        fc.constantFrom<Intl.NumberFormatOptions>(
          { style: 'currency', currency },
          { style: 'currency', currency, currencyDisplay: 'code' },
          { style: 'currency', currency, currencySign: 'accounting' },
        ),
      ),
    );
    const cents = fc.integer({ min: -1e11, max: 1e11 });
    // Money has cents somewhere in a column: one value that shows them is what settles the mark.
    const withCents = cents.filter((value) => value % 100 !== 0);
    fc.assert(
      fc.property(fc.constantFrom(...locales), style, fc.array(cents, { maxLength: 20 }), withCents, ([locale, mark], options, rest, settling) => {
        const format = new Intl.NumberFormat(locale, options);
        const column = [...rest, settling];
        const texts = column.map((value) => format.format(value / 100));
        const inferred = infer(texts);
        expect(inferred, `${locale} ${JSON.stringify(options)}: ${JSON.stringify(texts)}`).to.deep.include({ ok: true, decimal: mark });
        if (!inferred.ok) return;
        if (options.style === 'currency') expect(inferred.currencySymbols, JSON.stringify(texts)).to.have.length(1);
        const read = texts.map((text) => Math.round(toAmount(text, inferred.decimal) * 100));
        expect(read, `${locale} ${JSON.stringify(options)}: ${JSON.stringify(texts)}`).to.deep.equal(column);
      }),
      { numRuns: 500 },
    );
  });
});
