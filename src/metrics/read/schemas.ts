/**
 * The record schemas of every input shape, in one place: for documentation,
 * and to validate one record on its own (a form, a single JSON object).
 *
 * Transactions are read by a hand-written fast path (transactions.ts) because
 * they come by the million; {@link transactionRecordSchema} states the same
 * rules as a Zod schema, and a property test holds the two to agreement. The
 * smaller shapes are read through their schemas directly.
 */
import * as z from 'zod/mini';
import { MAGNITUDE_EXPECTATION, withinMagnitude } from './limits.ts';
import type { ZonedDayMapper } from '../calendar/dates.ts';
import { dateValue, numberValue, optionalIdValue } from './records.ts';
import { userColumnsObject, validateInput } from './validation.ts';
import { ownField } from './values.ts';
import type { DecimalMark } from './number-format.ts';
import type { Result } from '../issues.ts';
import { TRANSACTION_KIND, TYPE_EXPECTATION, resolveTransactionFields, transactionKindOf, type TransactionFields, type TransactionReadPlan } from './transactions.ts';

export { subscriptionRecordSchema, SUBSCRIPTION_FIELDS, type Subscription } from '../subscriptions.ts';
export { surveyResponseRecordSchema, SURVEY_FIELDS, type SurveyResponse } from '../surveys.ts';
export { invoiceRecordSchema, INVOICE_FIELDS, type Invoice } from '../invoices.ts';
export { idValue, optionalIdValue, numberValue, optionalNumberValue, dateValue, optionalDateValue, textValue, optionalTextValue } from './records.ts';

/** One transaction as the kit understands it, before the table's interning. */
export interface TransactionRecord {
  /** Undefined for a guest order: readTransactions leaves those rows out. */
  customer: string | undefined;
  day: number;
  /** Money, signed: returns are negative. */
  amount: number;
  /** Units, signed; ±1 when no quantity column is mapped. */
  quantity: number;
  /** {@link TRANSACTION_KIND}: 0 purchase, 1 return. */
  kind: number;
  order: string | undefined;
}

type Ctx = { issues: { push(issue: { code: 'custom'; message: string; input: unknown; path?: PropertyKey[] }): void } };

/** A type cell: absent, null or blank means "decide by sign" (−1); anything else must be a known word. */
const transactionTypeValue = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx: Ctx) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return -1;
    const kind = transactionKindOf(value);
    if (kind < 0) ctx.issues.push({ code: 'custom', message: TYPE_EXPECTATION, input: value });
    return kind;
  }),
);

/**
 * One transaction record, keyed by the user's own column names (as mapped by
 * `fields`), with the rules of readTransactions:
 * - customer: an identifier, or absent / blank / null (a guest order);
 * - date: ISO text, epoch ms or a Date, or the column's format in `plan`;
 * - amount: a finite number (or number text under the column's decimal mark);
 *   with `unitPrice` mapped, quantity × unitPrice instead, both finite
 *   numbers; none (0) for activity data without a money column;
 * - quantity (when mapped): a finite number;
 * - type (when mapped): absent, null, blank or a purchase / return word; without one the
 *   sign of the quantity (or amount) decides, and a return is always negative;
 * - order (when mapped): an identifier or absent.
 * Mapping `unitPrice` without `quantity` is an option error in readTransactions;
 * here it rejects every record on `fields.quantity`. `plan` (from
 * planTransactionRead over the file) gives the columns after a preset and
 * each column's format; without it: auto dates, decimal points, money required.
 * The file-level rules (blank order-level cells taken from the order's first
 * line, refunds, status maps, currencies) are not a single record's and stay
 * with readTransactions.
 */
export function transactionRecordSchema(zone: ZonedDayMapper, fields: TransactionFields = {}, plan?: Pick<TransactionReadPlan, 'fields' | 'dateFormat' | 'decimals'>) {
  const f = plan?.fields ?? { ...resolveTransactionFields(fields), hasMoney: true };
  const priced = Boolean(f.unitPrice);
  const decimal = (column: string) => (ownField(plan?.decimals, column) as DecimalMark | undefined) ?? '.';
  // Keyed by the user's columns, in this order; one column mapped twice (customer and order) is read once.
  const columns = new Map<string, z.ZodMiniType>();
  columns.set(f.customer, optionalIdValue);
  columns.set(f.date, dateValue(zone, plan?.dateFormat));
  if (priced) columns.set(f.unitPrice!, numberValue({}, decimal(f.unitPrice!)));
  else if (f.hasMoney) columns.set(f.amount, numberValue({}, decimal(f.amount)));
  if (f.quantity) columns.set(f.quantity, numberValue({}, decimal(f.quantity)));
  if (f.type) columns.set(f.type, transactionTypeValue);
  if (f.order) columns.set(f.order, optionalIdValue);

  return z.pipe(
    z.pipe(
      z.unknown(),
      z.transform((record: unknown, ctx: Ctx) => {
        if (priced && !f.quantity) ctx.issues.push({ code: 'custom', message: 'a quantity column when unitPrice is mapped', input: undefined, path: ['fields.quantity'] });
        return record;
      }),
    ),
    z.pipe(
      // A missing column is checked like an empty one.
      userColumnsObject(columns),
      z.transform((row: Record<string, unknown>, ctx: Ctx): TransactionRecord => {
        let units = f.quantity ? (row[f.quantity] as number) : Number.NaN;
        let money = priced ? units * (row[f.unitPrice!] as number) : f.hasMoney ? (row[f.amount] as number) : 0;
        // Each within range, their product may not be (as readTransactions says).
        if (priced && !withinMagnitude(money)) {
          ctx.issues.push({ code: 'custom', message: `${MAGNITUDE_EXPECTATION} once multiplied by the quantity`, input: row[f.unitPrice!], path: [f.unitPrice!] });
          return z.NEVER as never;
        }
        let kind = f.type ? (row[f.type] as number) : -1;
        if (kind < 0) kind = (f.quantity ? units : money) < 0 ? TRANSACTION_KIND.return : TRANSACTION_KIND.purchase;
        if (!f.quantity) units = kind === TRANSACTION_KIND.return ? -1 : 1;
        if (kind === TRANSACTION_KIND.return) {
          money = -Math.abs(money);
          units = -Math.abs(units);
        }
        return {
          customer: row[f.customer] as string | undefined,
          day: row[f.date] as number,
          amount: money,
          quantity: units,
          kind,
          order: f.order ? (row[f.order] as string | undefined) : undefined,
        };
      }),
    ),
  );
}

/**
 * Validates one record against a schema; issues name the record (by `index`,
 * 0-based) and the field, as the readers' do.
 */
export function validateRecord<T>(schema: z.ZodMiniType<T>, record: unknown, index: number, what = 'record'): Result<T> {
  return validateInput(schema, record, { index, what });
}
