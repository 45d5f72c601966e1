/**
 * Invoices (accounting exports) and the days sales outstanding they imply.
 * DSO itself is defined once, in rates.ts.
 */
import * as z from 'zod/mini';
import type { ZonedDayMapper } from './calendar/dates.ts';
import { fail, ok, optionError, type Result } from './issues.ts';
import { daysSalesOutstanding } from './rates.ts';
import { rule, withFields } from './read/validation.ts';
import { columnFormats, dateValue, numberValue, optionalDateValue, optionalIdValue, readRecords, zoneFor, type ColumnFormats, type ReadOptions } from './read/records.ts';
import type { RecordList } from './read/csv-records.ts';
import { resolveTimeFrame, type DateInput } from './calendar/timeframe.ts';

export const INVOICE_FIELDS = ['id', 'issueDate', 'amount', 'paidDate'] as const;
export type InvoiceField = (typeof INVOICE_FIELDS)[number];

export interface Invoice {
  id?: string;
  /** Local day number the invoice was issued. */
  issueDay: number;
  /** Amount invoiced (credit sale), at least 0. */
  amount: number;
  /** Local day number it was paid; absent while unpaid. */
  paidDay?: number;
}

/** One invoice: id (optional), issue date, amount (≥ 0), paid date (optional, not before the issue date). */
export function invoiceRecordSchema(zone: ZonedDayMapper, formats?: ColumnFormats<InvoiceField>) {
  return z.pipe(
    withFields(
      INVOICE_FIELDS,
      z
        .object({
          id: optionalIdValue,
          issueDate: dateValue(zone, formats?.date('issueDate')),
          amount: numberValue({ min: 0 }, formats?.decimal('amount')),
          paidDate: optionalDateValue(zone, formats?.date('paidDate')),
        })
        .check(rule('paidDate', 'a paid date on or after the issue date', (r) => r.paidDate === undefined || r.paidDate >= r.issueDate)),
    ),
    z.transform((r): Invoice => ({ id: r.id, issueDay: r.issueDate, amount: r.amount, paidDay: r.paidDate })),
  );
}

export function readInvoices(rows: RecordList, options: ReadOptions<InvoiceField> = {}): Result<Invoice[]> {
  const zone = zoneFor(options.timeZone);
  if (!zone.ok) return zone;
  const formats = columnFormats<InvoiceField>(rows, { ...options, dates: ['issueDate', 'paidDate'], numbers: ['amount'] });
  if (!formats.ok) return formats;
  return readRecords(rows, invoiceRecordSchema(zone.value, formats.value), INVOICE_FIELDS, { fields: formats.value.fields, what: 'invoices' });
}

export interface DsoFromInvoicesOptions {
  /** First day of the period (inclusive). */
  from: DateInput;
  /** First day after the period (exclusive), as time frames are everywhere in the kit. */
  to: DateInput;
  /** Zone the two dates are read in; default `UTC`. */
  timeZone?: string;
}

export interface InvoiceDso {
  /** Days sales outstanding, in days. */
  dso: number;
  /** Amount of invoices issued on or before the period's last day and not paid by then. */
  receivables: number;
  /** Amount of invoices issued within the period. */
  creditSales: number;
  /** Days in the period. */
  days: number;
}

/**
 * DSO of one period from invoices. An invoice paid on the period's last day is
 * paid "by the end"; one paid the day after is still receivable at the end.
 */
export function dsoFromInvoices(invoices: readonly Invoice[], options: DsoFromInvoicesOptions): Result<InvoiceDso> {
  if (options?.from === undefined) return fail(optionError('from', 'the first day of the period', undefined));
  if (options.to === undefined) return fail(optionError('to', 'the first day after the period', undefined));
  const frame = resolveTimeFrame(options, options.timeZone);
  if (!frame.ok) return frame;
  const { fromDay, toDay } = frame.value;
  let receivables = 0;
  let creditSales = 0;
  for (const invoice of invoices) {
    if (invoice.issueDay >= toDay) continue;
    if (invoice.paidDay === undefined || invoice.paidDay >= toDay) receivables += invoice.amount;
    if (invoice.issueDay >= fromDay) creditSales += invoice.amount;
  }
  const days = toDay - fromDay;
  const dso = daysSalesOutstanding({ receivables, creditSales, days });
  return dso.ok ? ok({ dso: dso.value, receivables, creditSales, days }) : dso;
}
