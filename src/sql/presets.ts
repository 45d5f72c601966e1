/**
 * The platform presets (metrics/read/presets.ts) as SQL field mappings: the
 * same columns an element reads with `preset="…"`. Presets whose money the
 * engine nets per order (an order total on the first line, refunded amounts
 * netted once per order) are refused: the SQL reads one row as one amount,
 * and a silently different figure would be worse than none.
 */
import { PRESETS, PRESET_NAMES, type PresetName } from '../metrics/read/presets.ts';
import type { SqlFields } from './source.ts';

export interface PresetSql {
  fields: SqlFields;
  /** The preset's date format (`MM/DD/YY`), for reading its text dates. */
  dateFormat?: string;
}

export function sqlFieldsOfPreset(name: string): PresetSql {
  if (!(PRESET_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown preset "${name}": one of ${PRESET_NAMES.join(', ')}`);
  const preset = PRESETS[name as PresetName];
  if (preset.kind === 'subscriptions') throw new Error(`The preset ${name} reads subscriptions; the SQL computes from transactions and events`);
  if (preset.fields.refund || preset.typeMap) {
    throw new Error(
      `The preset ${name} nets refunds once per order and skips statuses such as ${Object.keys(preset.typeMap ?? { refunded: 1 }).slice(0, 3).join(', ')}; the SQL reads one row as one amount. ` +
        'Map the columns yourself (customer, date, amount) from a table of one row per payment or refund, or use the elements for this export',
    );
  }
  const { customer, date, amount, quantity, price, type } = preset.fields;
  const fields: SqlFields = { customer, date, amount, quantity, unitPrice: price, type };
  for (const key of Object.keys(fields) as (keyof SqlFields)[]) if (fields[key] === undefined) delete fields[key];
  return preset.dateFormat ? { fields, dateFormat: preset.dateFormat } : { fields };
}
