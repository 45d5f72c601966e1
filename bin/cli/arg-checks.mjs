// Value checks shared by the common flags (args.mjs) and each metric's own (metrics/).
import { UsageError } from './usage-error.mjs';

export function oneOf(name, value, allowed) {
  if (!allowed.includes(value)) throw new UsageError(`--${name} takes ${allowed.join(', ')}, not "${value}"`);
  return value;
}

export function wholeNumber(name, value, min, max = Infinity) {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`--${name} takes a whole number${max < Infinity ? ` from ${min} to ${max}` : ` of at least ${min}`}, not "${value}"`);
  return number;
}
