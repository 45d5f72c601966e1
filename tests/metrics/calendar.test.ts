import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { GRANULARITIES, PeriodCalendar, periodLabel, periodLookup, type Weekday } from '../../src/metrics/calendar/calendar.ts';
import { ZonedDayMapper, civilFromDays, dayFromDateValue, dayFromIsoString, daysFromCivil, isoDate } from '../../src/metrics/calendar/dates.ts';

const utc = new ZonedDayMapper('UTC');
const oslo = new ZonedDayMapper('Europe/Oslo');
const newYork = new ZonedDayMapper('America/New_York');

describe('dates', () => {
  it('round-trips civil dates and day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).to.equal(days);
      }),
    );
    expect(daysFromCivil(1970, 1, 1)).to.equal(0);
    expect(daysFromCivil(2000, 3, 1)).to.equal(11_017);
    expect(isoDate(daysFromCivil(2024, 2, 29))).to.equal('2024-02-29');
  });

  it('agrees with Date on every ISO form it accepts', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (date) => {
        const expected = Math.floor(date.getTime() / 86_400_000);
        expect(dayFromIsoString(date.toISOString(), utc)).to.equal(expected);
        expect(dayFromDateValue(date.getTime(), utc)).to.equal(expected);
        expect(dayFromDateValue(date, utc)).to.equal(expected);
        expect(dayFromIsoString(date.toISOString().slice(0, 10), utc)).to.equal(expected);
      }),
    );
  });

  it('reads wall-clock strings by their characters, whatever the zone', () => {
    const day = daysFromCivil(2010, 12, 1);
    for (const zone of [utc, oslo, newYork]) {
      expect(dayFromIsoString('2010-12-01 23:59:59', zone)).to.equal(day);
      expect(dayFromIsoString('2010-12-01T00:00', zone)).to.equal(day);
      expect(dayFromIsoString('20101201', zone)).to.equal(day);
    }
  });

  it('places instants on the local calendar across DST changes', () => {
    // Oslo leaves summer time on 2024-10-27 at 03:00 local (01:00Z): 23:30Z is already the 28th (UTC+1).
    expect(isoDate(dayFromIsoString('2024-10-27T22:59:00Z', oslo))).to.equal('2024-10-27');
    expect(isoDate(dayFromIsoString('2024-10-27T23:00:00Z', oslo))).to.equal('2024-10-28');
    // Spring forward on 2024-03-31: before it Oslo is UTC+1, after it UTC+2.
    expect(isoDate(dayFromIsoString('2024-03-30T22:59:00Z', oslo))).to.equal('2024-03-30');
    expect(isoDate(dayFromIsoString('2024-03-30T23:00:00Z', oslo))).to.equal('2024-03-31');
    expect(isoDate(dayFromIsoString('2024-03-31T21:59:00Z', oslo))).to.equal('2024-03-31');
    expect(isoDate(dayFromIsoString('2024-03-31T22:00:00Z', oslo))).to.equal('2024-04-01');
    // New York, offset written out: 2024-11-03 01:30-04:00 is 05:30Z, still the 3rd locally.
    expect(isoDate(dayFromIsoString('2024-11-03T01:30:00-04:00', newYork))).to.equal('2024-11-03');
  });

  it('matches Intl for any instant in a DST zone', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        expect(isoDate(oslo.dayOf(ms))).to.equal(format.format(ms));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what is not a date', () => {
    for (const text of ['2024-02-30', '2024-13-01', 'yesterday', '', '2024-1-1', '2024-01-01T25:00', '2024-01-01X', '2024-01-01T10:00+5']) {
      expect(Number.isNaN(dayFromDateValue(text, utc)), text).to.equal(true);
    }
    expect(Number.isNaN(dayFromDateValue(Number.NaN, utc))).to.equal(true);
    expect(Number.isNaN(dayFromDateValue(Infinity, utc))).to.equal(true);
    expect(Number.isNaN(dayFromDateValue(new Date('nope'), utc))).to.equal(true);
    expect(Number.isNaN(dayFromDateValue({}, utc))).to.equal(true);
  });
});

describe('PeriodCalendar', () => {
  it('keys the periods of each granularity', () => {
    const day = daysFromCivil(2024, 3, 5); // a Tuesday
    const key = (granularity: (typeof GRANULARITIES)[number], weekStart?: Weekday) => {
      const calendar = new PeriodCalendar({ granularity, weekStart });
      return calendar.key(calendar.indexOfDay(day));
    };
    expect(key('day')).to.equal('2024-03-05');
    expect(key('week')).to.equal('2024-W10');
    expect(key('week', 0)).to.equal('2024-03-03'); // the Sunday that starts that week
    expect(key('month')).to.equal('2024-03');
    expect(key('quarter')).to.equal('2024-Q1');
    expect(key('year')).to.equal('2024');
  });

  it('uses ISO week-years at year ends', () => {
    const week = new PeriodCalendar({ granularity: 'week' });
    expect(week.key(week.indexOfDay(daysFromCivil(2021, 1, 3)))).to.equal('2020-W53');
    expect(week.key(week.indexOfDay(daysFromCivil(2024, 12, 30)))).to.equal('2025-W01');
  });

  it('has consecutive periods that tile the calendar, with keys that round-trip', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GRANULARITIES),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: daysFromCivil(1950, 1, 1), max: daysFromCivil(2090, 1, 1) }),
        (granularity, weekStart, day) => {
          const calendar = new PeriodCalendar({ granularity, weekStart: weekStart as Weekday });
          const index = calendar.indexOfDay(day);
          expect(calendar.startDay(index) <= day && day < calendar.endDay(index)).to.equal(true);
          expect(calendar.endDay(index)).to.equal(calendar.startDay(index + 1));
          expect(calendar.indexOfKey(calendar.key(index))).to.equal(index);
        },
      ),
    );
  });

  it('labels periods for people in their locale', () => {
    const month = new PeriodCalendar({ granularity: 'month' });
    const march = month.indexOfDay(daysFromCivil(2024, 3, 1));
    expect(month.label(march, 'en')).to.equal('Mar 2024');
    expect(month.label(march, 'nb')).to.match(/^mars? 2024$/);
    expect(new PeriodCalendar({ granularity: 'quarter' }).label(2024 * 4, 'en')).to.equal('Q1 2024');
  });

  it('labels the period keys a job returned, in the page', () => {
    expect(periodLabel('2024-03', { granularity: 'month' }, 'en')).to.equal('Mar 2024');
    expect(periodLabel('2024-03', { granularity: 'month' }, 'nb')).to.match(/^mars? 2024$/);
    expect(periodLabel('2024-Q1', { granularity: 'quarter' }, 'en')).to.equal('Q1 2024');
    expect(periodLabel('2024-W05', { granularity: 'week' }, 'en')).to.equal('2024-W05');
    // Weeks from Sunday are keyed by their first day, which only that calendar reads.
    expect(periodLabel('2024-03-03', { granularity: 'week', weekStart: 0 }, 'en')).to.equal('Mar 3, 2024');
    // Keys of no calendar (free names of pre-aggregated periods) are their own labels.
    expect(periodLabel('Spring', { granularity: null }, 'en')).to.equal('Spring');
    expect(periodLabel('Spring', { granularity: 'month' }, 'en')).to.equal('Spring');
  });

  it('builds a day→period lookup equal to indexOfDay', () => {
    const calendar = new PeriodCalendar({ granularity: 'month' });
    const first = daysFromCivil(2023, 12, 17);
    const last = daysFromCivil(2024, 3, 2);
    const lookup = periodLookup(calendar, first, last);
    expect(lookup.periodCount).to.equal(4);
    for (let day = first; day <= last; day++) {
      expect(lookup.firstPeriod + lookup.offsetOfDay[day - first]).to.equal(calendar.indexOfDay(day));
    }
  });
});
