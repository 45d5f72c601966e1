/**
 * The platform presets (metrics/read/presets.ts) as SQL field mappings: the
 * same columns an element reads with `preset="…"`, with the preset's status
 * words (typeMap) and date format. Order exports (Shopify, Stripe payments,
 * WooCommerce) map an order id, a refund and a currency column: the SQL then
 * reads them per order, as the engine does (orders.ts).
 */
import { PRESETS, PRESET_NAMES, type PresetName } from '../metrics/read/presets.ts';
import type { SqlFields, SqlOptions } from './source.ts';

export interface PresetSql {
  fields: SqlFields;
  /** The preset's date format (`MM/DD/YY`), for reading its text dates. */
  dateFormat?: string;
  /** What each of the preset's status words means (purchase, refund, ignore). */
  typeMap?: NonNullable<SqlOptions['typeMap']>;
  /** `order` where the preset's amount is the order's total (the engine's default for such presets). */
  amountPer?: SqlOptions['amountPer'];
}

export function sqlFieldsOfPreset(name: string): PresetSql {
  if (!(PRESET_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown preset "${name}": one of ${PRESET_NAMES.join(', ')}`);
  const preset = PRESETS[name as PresetName];
  if (preset.kind === 'subscriptions') throw new Error(`The preset ${name} reads subscriptions; the SQL computes from transactions and events`);
  const { customer, date, amount, quantity, price, type, order, refund, currency } = preset.fields;
  const fields: SqlFields = { customer, date, amount, quantity, unitPrice: price, type, order, refund, currency };
  for (const key of Object.keys(fields) as (keyof SqlFields)[]) if (fields[key] === undefined) delete fields[key];
  // The engine's default (metrics/read/reading.ts): a preset's amount with its order column is the order's total.
  const amountPer = amount && order ? ({ amountPer: 'order' } as const) : {};
  return { fields, ...(preset.dateFormat ? { dateFormat: preset.dateFormat } : {}), ...(preset.typeMap ? { typeMap: { ...preset.typeMap } } : {}), ...amountPer };
}
