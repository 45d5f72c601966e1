import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ZonedDayMapper, civilFromDays, dayFromDateValue, daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';
import { AUTO_DATE_FORMAT, describeDateFormat, inferDateFormat, parseDateFormat, type DateFormat } from '../../src/metrics/read/date-format.ts';

const oslo = new ZonedDayMapper('Europe/Oslo');
const utc = new ZonedDayMapper('UTC');
const DMY: DateFormat = { kind: 'order', order: 'DMY' };
const MDY: DateFormat = { kind: 'order', order: 'MDY' };
const YMD: DateFormat = { kind: 'order', order: 'YMD' };
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const firstDay = daysFromCivil(1971, 1, 1);
const lastDay = daysFromCivil(2060, 12, 31);
const anyDay = fc.integer({ min: firstDay, max: lastDay });
const timeOfDay = fc.record({
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  ms: fc.integer({ min: 0, max: 999 }),
});
type Time = { hour: number; minute: number; second: number; ms: number };

/** Every wall-clock form a day and time can be written in, with the format that reads it. */
function wallClockForms(days: number, time: Time): [string, DateFormat][] {
  const { year, month, day } = civilFromDays(days);
  const Y = pad(year, 4);
  const YY = pad(year % 100);
  const [MM, DD] = [pad(month), pad(day)];
  const hm = `${pad(time.hour)}:${pad(time.minute)}`;
  const hms = `${hm}:${pad(time.second)}`;
  const h12 = `${time.hour % 12 || 12}:${pad(time.minute)} ${time.hour < 12 ? 'AM' : 'PM'}`;
  return [
    [`${Y}-${MM}-${DD}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD}T${hms}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD} ${hms}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD} ${hm}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD}T${hms}.${pad(time.ms, 3)}`, AUTO_DATE_FORMAT],
    [`${Y}${MM}${DD}`, AUTO_DATE_FORMAT],
    [`${Y}/${MM}/${DD}`, AUTO_DATE_FORMAT],
    [`${Y}/${MM}/${DD} ${hm}`, AUTO_DATE_FORMAT],
    [`${Y}/${month}/${day}`, YMD],
    [`${DD}/${MM}/${Y}`, DMY],
    [`${DD}/${MM}/${Y} ${hms}`, DMY],
    [`${day}.${month}.${Y}`, DMY],
    [`${day}.${month}.${YY} ${hm}`, DMY],
    [`${DD}-${MM}-${Y}`, DMY],
    [`${MM}/${DD}/${YY}`, MDY],
    [`${MM}/${DD}/${YY} ${hm}`, MDY],
    [`${month}/${day}/${Y} ${h12}`, MDY],
    [`${month}/${day}/${YY} ${h12}`, MDY],
    [`${Y}-${MM}-${DD}`, DMY], // year-first reads under any order
  ];
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** Every form an instant can be written in (its wall time at `offset` minutes), with the format that reads it. */
function instantForms(ms: number, offset: number): [string | number, DateFormat][] {
  const wall = new Date(ms + offset * 60_000);
  const Y = pad(wall.getUTCFullYear(), 4);
  const [MM, DD] = [pad(wall.getUTCMonth() + 1), pad(wall.getUTCDate())];
  const hms = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  const fraction = `.${pad(wall.getUTCMilliseconds(), 3)}`;
  const forms: [string | number, DateFormat][] = [
    [`${Y}-${MM}-${DD}T${hms}${offsetText(offset, true)}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD}T${hms}${fraction}${offsetText(offset, false)}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD} ${hms} ${offsetText(offset, false)}`, AUTO_DATE_FORMAT],
    [`${Y}-${MM}-${DD} ${hms} ${offsetText(offset, true)}`, AUTO_DATE_FORMAT],
    [`${DD}/${MM}/${Y} ${hms} ${offsetText(offset, false)}`, DMY],
    [`${MM}/${DD}/${Y} ${hms}${offsetText(offset, true)}`, MDY],
    [String(Math.floor(ms / 1000)), { kind: 'unix-s' }],
    [Math.floor(ms / 1000), { kind: 'unix-s' }],
    [String(ms), { kind: 'unix-ms' }],
    [String(ms), AUTO_DATE_FORMAT],
    [ms, AUTO_DATE_FORMAT],
    [new Date(ms).toISOString(), AUTO_DATE_FORMAT],
  ];
  if (offset % 60 === 0) forms.push([`${Y}-${MM}-${DD}T${hms}${offsetText(offset, false).slice(0, 3)}`, AUTO_DATE_FORMAT]);
  if (offset === 0) {
    forms.push([`${Y}-${MM}-${DD} ${hms} UTC`, AUTO_DATE_FORMAT], [`${Y}-${MM}-${DD} ${hms} Z`, AUTO_DATE_FORMAT]);
    forms.push([`${Y}-${MM}-${DD}T${hms}${fraction}Z`, AUTO_DATE_FORMAT], [`${MM}/${DD}/${Y} ${hms} UTC`, MDY]);
  }
  return forms;
}

describe('dayFromDateValue with date formats', () => {
  it('reads a wall-clock day written in every supported form back to that day, whatever the zone', () => {
    fc.assert(
      fc.property(anyDay, timeOfDay, (days, time) => {
        for (const [text, format] of wallClockForms(days, time)) {
          expect(isoDate(dayFromDateValue(text, oslo, format)), `${text} as ${JSON.stringify(format)}`).to.equal(isoDate(days));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads an instant written in every supported form to its day in the zone', () => {
    const offsets = fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 11, 31) }), fc.oneof(offsets, fc.constant(0)), (ms, offset) => {
        for (const [value, format] of instantForms(ms, offset)) {
          expect(isoDate(dayFromDateValue(value, oslo, format)), `${value} as ${JSON.stringify(format)}`).to.equal(osloDate.format(ms));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the forms real exports write', () => {
    const cases: [string, DateFormat, string][] = [
      ['2024-01-25 13:23:17 +0100', AUTO_DATE_FORMAT, '2024-01-25'], // Shopify
      ['2024-01-25 00:30:00 +0100', AUTO_DATE_FORMAT, '2024-01-24'], // 23:30 UTC
      ['2024-01-25 13:23:17', AUTO_DATE_FORMAT, '2024-01-25'], // Stripe
      ['2024-01-25 13:23', AUTO_DATE_FORMAT, '2024-01-25'],
      ['2024-01-25T13:23:17.123Z', AUTO_DATE_FORMAT, '2024-01-25'],
      ['2024-01-25 23:23:17 UTC', AUTO_DATE_FORMAT, '2024-01-25'],
      ['2024-01-25T13:23+01', AUTO_DATE_FORMAT, '2024-01-25'],
      ['2024/01/25', AUTO_DATE_FORMAT, '2024-01-25'],
      ['2024/01/25 13:23', AUTO_DATE_FORMAT, '2024-01-25'],
      ['20240125', AUTO_DATE_FORMAT, '2024-01-25'],
      ['12/31/22', MDY, '2022-12-31'], // Etsy
      ['12/25/25 20:18', MDY, '2025-12-25'], // Numbers
      ['1/1/2023', MDY, '2023-01-01'],
      ['03/01/19', DMY, '2019-01-03'],
      ['03/01/19', MDY, '2019-03-01'],
      ['1.1.2023', DMY, '2023-01-01'],
      ['12/31/22 12:05 AM', MDY, '2022-12-31'],
      ['12/31/22 12:05 PM', MDY, '2022-12-31'],
      ['1/1/69', MDY, '1969-01-01'], // two-digit years pivot at 69
      ['12/31/68', MDY, '2068-12-31'],
      ['1706188997', { kind: 'unix-s' }, '2024-01-25'],
      ['-86400', { kind: 'unix-s' }, '1969-12-31'],
      ['20240125', { kind: 'unix-ms' }, '1970-01-01'], // explicit: digits are milliseconds
    ];
    for (const [text, format, expected] of cases) {
      expect(isoDate(dayFromDateValue(text, utc, format)), `${text} as ${JSON.stringify(format)}`).to.equal(expected);
    }
    // Wall clock stays on its day in any zone; an offset moves the instant.
    expect(isoDate(dayFromDateValue('31/12/2024 23:59', oslo, DMY))).to.equal('2024-12-31');
    expect(isoDate(dayFromDateValue('31/12/2024 23:59 +0000', oslo, DMY))).to.equal('2025-01-01');
  });

  it('rejects what is not a date under the format', () => {
    const cases: [unknown, DateFormat][] = [
      ['31/12/2024', AUTO_DATE_FORMAT], // order unknown: never guessed
      ['31/02/2024', DMY],
      ['12/13/2024', DMY],
      ['13/12/2024', MDY],
      ['1/1/202', DMY],
      ['1/1/20245', DMY],
      ['1/1-2024', DMY],
      ['123/1/2024', DMY],
      ['1/1/2024 13:00 PM', DMY],
      ['1/1/2024 0:30 AM', DMY],
      ['1/1/2024 24:30', DMY],
      ['1/1/2024 12:00 +5', DMY],
      ['1/1/2024 12:00 EST', DMY],
      ['1/1/2024T', DMY],
      ['2024-01-25 13:23:17 +01:00:00', AUTO_DATE_FORMAT],
      ['2024-01-25 13:23:17 UTCX', AUTO_DATE_FORMAT],
      ['2024/1/25', AUTO_DATE_FORMAT],
      ['2024/01-25', AUTO_DATE_FORMAT],
      ['1e9', { kind: 'unix-s' }],
      ['12.5', { kind: 'unix-s' }],
      [1e14, { kind: 'unix-s' }],
      [Number.NaN, { kind: 'unix-ms' }],
      [{}, DMY],
    ];
    for (const [value, format] of cases) {
      expect(Number.isNaN(dayFromDateValue(value, utc, format)), `${String(value)} as ${JSON.stringify(format)}`).to.equal(true);
    }
  });
});

describe('parseDateFormat', () => {
  it('reads keywords and patterns by the order of D, M and Y', () => {
    const cases: [string, DateFormat | undefined][] = [
      ['auto', AUTO_DATE_FORMAT],
      [' ISO ', AUTO_DATE_FORMAT],
      ['unix-s', { kind: 'unix-s' }],
      ['unix-ms', { kind: 'unix-ms' }],
      ['DD/MM/YYYY', DMY],
      ['dd/mm/yyyy', DMY],
      ['D.M.YYYY', DMY],
      ['MM/DD/YY HH:mm', MDY],
      ['M/D/YY h:mm A', MDY],
      ['MM-DD-YYYY HH:mm:ss Z', MDY],
      ['YYYY/MM/DD', YMD],
      ['YYYY-MM-DD', AUTO_DATE_FORMAT],
      ['YYYYMMDD', AUTO_DATE_FORMAT],
      ['', undefined],
      ['DD/YYYY/MM', undefined],
      ['DD/MM', undefined],
      ['DDD/MM/YYYY', undefined],
      ['DD/MM/YYY', undefined],
      ['DD/DD/YYYY', undefined],
      ['DD/MM/YYYY whenever', undefined],
      ['european', undefined],
    ];
    for (const [spec, expected] of cases) expect(parseDateFormat(spec), spec).to.deep.equal(expected);
  });

  it('describes each format for messages', () => {
    expect(describeDateFormat(DMY)).to.equal('a day-first date such as 31/12/2024');
    expect(describeDateFormat(MDY)).to.equal('a month-first date such as 12/31/2024');
    expect(describeDateFormat(AUTO_DATE_FORMAT)).to.contain('ISO 8601');
    expect(describeDateFormat({ kind: 'unix-s' })).to.contain('seconds');
  });
});

describe('inferDateFormat', () => {
  const read = (values: unknown[]) => inferDateFormat((index) => values[index], values.length);
  const dayAbove12 = fc.integer({ min: firstDay, max: lastDay }).filter((days) => civilFromDays(days).day > 12);
  const dayOf12 = fc.integer({ min: firstDay, max: lastDay }).filter((days) => civilFromDays(days).day <= 12);
  const separator = fc.constantFrom('/', '.', '-');
  const dayFirst = (days: number, sep: string, short: boolean) => {
    const { year, month, day } = civilFromDays(days);
    return short ? `${day}${sep}${month}${sep}${pad(year % 100)}` : `${pad(day)}${sep}${pad(month)}${sep}${year}`;
  };
  const monthFirst = (days: number, sep: string, short: boolean) => {
    const { year, month, day } = civilFromDays(days);
    return short ? `${month}${sep}${day}${sep}${pad(year % 100)} 9:15 PM` : `${pad(month)}${sep}${pad(day)}${sep}${year}`;
  };
  const column = (write: typeof dayFirst, days: fc.Arbitrary<number>) =>
    fc.tuple(fc.array(fc.tuple(anyDay, separator, fc.boolean()), { maxLength: 30 }), fc.tuple(days, separator, fc.boolean()), fc.nat()).map(([rest, settling, at]) => {
      const entries = [...rest];
      entries.splice(at % (entries.length + 1), 0, settling);
      return { days: entries.map(([days]) => days), texts: entries.map(([days, sep, short]) => write(days, sep, short)) };
    });

  it('infers day-first from a column with a day above 12 and reads every value to its day', () => {
    fc.assert(
      fc.property(column(dayFirst, dayAbove12), ({ days, texts }) => {
        const inferred = read(['', undefined, ...texts]);
        expect(inferred).to.deep.equal({ ok: true, format: DMY });
        if (!inferred.ok) return;
        expect(texts.map((text) => dayFromDateValue(text, oslo, inferred.format))).to.deep.equal(days);
      }),
      { numRuns: 200 },
    );
  });

  it('infers month-first from a column with a day above 12 and reads every value to its day', () => {
    fc.assert(
      fc.property(column(monthFirst, dayAbove12), ({ days, texts }) => {
        const inferred = read([...texts, null]);
        expect(inferred).to.deep.equal({ ok: true, format: MDY });
        if (!inferred.ok) return;
        expect(texts.map((text) => dayFromDateValue(text, oslo, inferred.format))).to.deep.equal(days);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a column whose days are all 12 or less instead of guessing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dayOf12, separator, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 30 }), (entries) => {
        const texts = entries.map(([days, sep, short, first]) => (first ? dayFirst : monthFirst)(days, sep, short));
        expect(read(texts)).to.deep.equal({ ok: false, reason: 'ambiguous', index: 0, example: texts[0] });
      }),
    );
  });

  it('refuses a column that mixes day-first and month-first values', () => {
    fc.assert(
      fc.property(column(dayFirst, dayAbove12), column(monthFirst, dayAbove12), (dmy, mdy) => {
        const inferred = read([...dmy.texts, ...mdy.texts]);
        expect(inferred.ok).to.equal(false);
        if (inferred.ok || inferred.reason !== 'mixed') throw new Error(`expected mixed, got ${JSON.stringify(inferred)}`);
        expect(civilFromDays(dmy.days[inferred.dayFirst.index]).day).to.be.above(12);
        expect(inferred.dayFirst.example).to.equal(dmy.texts[inferred.dayFirst.index]);
        expect(inferred.monthFirst.example).to.equal(mdy.texts[inferred.monthFirst.index - dmy.texts.length]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads real columns', () => {
    expect(read(['03/01/19'])).to.deep.equal({ ok: false, reason: 'ambiguous', index: 0, example: '03/01/19' });
    expect(read(['03/01/19', '25/12/19'])).to.deep.equal({ ok: true, format: DMY });
    expect(read(['12/31/22', '1/1/2023', '12/25/25 20:18'])).to.deep.equal({ ok: true, format: MDY });
    expect(read(['2024-01-25 13:23:17 +0100', '2024-01-26 08:00:00 +0100'])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
    expect(read(['2024/01/25', '20240126', ' 2024-01-27 '])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
    expect(read(['2024-01-25', '13/01/2024'])).to.deep.equal({ ok: true, format: DMY });
    expect(read([])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
  });

  it('takes a digit-only column as Unix seconds only when every value reads as seconds', () => {
    expect(read([1706188997, '1706188997', '', 100_000_000])).to.deep.equal({ ok: true, format: { kind: 'unix-s' } });
    expect(read([1706188997, 1706188997123])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
    expect(read(['1706188997', '20240125'])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
    expect(read(['20240125'])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
    expect(read(['1706188997123'])).to.deep.equal({ ok: true, format: AUTO_DATE_FORMAT });
  });

  it('returns a given format without looking', () => {
    let looked = 0;
    const given: DateFormat = { kind: 'order', order: 'MDY' };
    expect(inferDateFormat(() => (looked++, '13/01/2024'), 3, given)).to.deep.equal({ ok: true, format: given });
    expect(looked).to.equal(0);
    expect(inferDateFormat(() => '13/01/2024', 1, AUTO_DATE_FORMAT)).to.deep.equal({ ok: true, format: DMY });
  });
});
