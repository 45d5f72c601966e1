// --metric nps: survey responses counted per period (nps-periods/1), what <nps-score> draws.
// Survey rows are not orders: every response counts (anonymous and repeated ones too), a
// response without a date counts in the score and in no period, and a score that is blank or
// not a whole number from 0 to 10 makes the whole input refused, as the element refuses it.
import { UsageError } from '../usage-error.mjs';

/** Flags of order exports, which a survey has no use for: refused rather than ignored. */
const ORDER_FLAGS = ['preset', 'amount-key', 'quantity-key', 'price-key', 'type-key', 'order-key', 'refund-key', 'currency-key', 'currency'];
const SCORE_EXPECTATION = 'a whole number from 0 to 10';

const counted = (n) => Number(n ?? 0).toLocaleString('en');

/** The engine's wording for a value (metrics/issues.ts describeValue), for the same message. */
function describeValue(value) {
  if (value === null || value === undefined) return 'nothing';
  const text = String(value);
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return text.trim() === '' ? `an empty string ${quoted}` : quoted;
}

export const nps = {
  help: 'NPS responses per period (promoters, passives, detractors)',
  what: 'NPS responses per period',
  optionHelp: `  --score-key COLUMN           nps: the 0-10 score column (default score); --date-key the answer's
                               date, --customer-key the respondent (optional: every response counts)`,
  options: ['score-key'],
  check(command, raw) {
    for (const flag of ORDER_FLAGS) {
      if (raw[flag] !== undefined) throw new UsageError(`--${flag} is for order exports; --metric nps reads survey responses (--date-key, --score-key, --customer-key)`);
    }
    const scoreKey = raw['score-key'] ?? 'score';
    if (scoreKey.trim() === '') throw new UsageError('--score-key takes a column name, not an empty one');
    return { scoreKey };
  },
  /** A survey's columns: date and score, the respondent only when named (anonymous surveys have none). */
  fields: (kit, options) => ({
    date: options.fields.date ?? 'date',
    score: options.scoreKey,
    ...(options.fields.customer === undefined ? {} : { customer: options.fields.customer }),
  }),
  /** The summary of the responses read, and the engine's refusal of scores that are no response. */
  async countRows(kit, source, sqlOptions, say, seconds) {
    const [counts] = await source.query(kit.surveyRowCountsSql(sqlOptions), 'counting responses');
    const read = Number(counts.rows_read);
    const undated = Number(counts.rows_without_date);
    const anonymous = counts.rows_without_customer === null ? '' : `${counted(counts.rows_without_customer)} without a respondent and `;
    say(`${counted(read)} responses read (${seconds()}); ${anonymous}${counted(undated)} without a date count in the score (the undated in no period)`);
    const invalid = Number(counts.invalid_scores);
    if (invalid > 0) {
      // The engine's message (metrics/issues.ts): the first five, then how many more. A table
      // keeps no record numbers, so each is named by its value alone.
      const examples = await source.query(kit.invalidScoresSql(sqlOptions, 5), 'finding the scores that are no response');
      const listed = examples.map((row) => `field "${source.fields.score}": expected ${SCORE_EXPECTATION}, found ${describeValue(row.score)}`);
      const more = invalid > listed.length ? `; and ${invalid - listed.length} more` : '';
      throw new Error(`${invalid === 1 ? '1 problem' : `${counted(invalid)} problems`} in the survey responses: ${listed.join('; ')}${more}`);
    }
    if (read === 0) throw new Error(`${source.name} has no responses`);
    if (read === undated) throw new Error(`no response of ${source.name} has a date (${source.fields.date}, --date-key): the periods start at the first dated response`);
    if (Number(counts.rows_after_as_of) > 0) say(`${counted(counts.rows_after_as_of)} responses after --as-of ${sqlOptions.asOf} are left out`);
  },
  sql: (kit, sqlOptions) => kit.npsPeriodsSql(sqlOptions),
  fromRows: (kit, rows, options) => kit.npsPeriodsFromRows(rows, { granularity: options.granularity, weekStart: options.weekStart }),
  schema: (kit) => kit.npsPeriodsShapeSchema,
  size: (shape) => `${shape.periods.length} periods, ${shape.periods.reduce((sum, p) => sum + p.responses, 0).toLocaleString('en')} dated responses${shape.undated ? ` and ${shape.undated.responses.toLocaleString('en')} undated` : ''}`,
  running: (shape) => shape.periods.some((p) => !p.complete),
};
