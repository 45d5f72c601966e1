/**
 * Money and quantities as exports write them: `$1,234.50`, `1.234,50 €`,
 * `kr 1 234,50`, `(12.50)`. Whether `1.234` is 1234 or 1.234 depends on the
 * file's decimal mark, which one value rarely shows, so the mark is settled per
 * column ({@link inferDecimalMark}) and every value is then read under it
 * ({@link toAmount}). Rules, for a decimal mark of '.' (',' swaps '.' and ','):
 *
 * - white space around the value is ignored;
 * - one sign `-`, `+` or `−` (U+2212, as Intl writes it), or accounting
 *   parentheses `(12.50)` for a negative;
 * - one currency before or after the number, with or without a space, in any
 *   order with the sign (`$1,234.50`, `-$5`, `$-5`, `12,00 €`, `12.00 EUR`,
 *   `kr 1 234,50`, `R$ 10,00`): a Unicode currency sign, optionally after or
 *   before up to three capitals (`R$`, `US$`, `$US`), a three-capital ISO
 *   code, or a local abbreviation (`kr`, `zł`, `Kč`, `Ft`, `Fr.`, `Rs.` … in
 *   {@link LOCAL_SYMBOLS});
 * - thousands separators only between groups of exactly three digits after a
 *   first group of 1–3, the same separator throughout: `,` (`.` under ','), a
 *   space, no-break space (U+00A0), narrow or thin space (U+202F, U+2009), or
 *   an apostrophe `'` / `’` (Swiss; Intl writes U+2019 in some versions);
 * - exponent notation (`1e3`) only without thousands separators;
 * - anything else is NaN: '', '0x1F', 'NaN', 'Infinity', `1,5` under '.' and
 *   `1.5` under ',' (not a group of three). `1,234` under '.' and `1.234`
 *   under ',' are 1234.
 */

export type DecimalMark = '.' | ',';

const DOT = 46;
const COMMA = 44;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

/** Letter currency signs Intl and shops write that are not ISO codes. */
const LOCAL_SYMBOLS = new Set(['kr', 'kr.', 'Kr', 'Kr.', 'zł', 'Kč', 'Ft', 'Fr.', 'fr.', 'Rs', 'Rs.', 'RM', 'Rp', 'R', 'lei', 'лв', 'руб.', 'ден']);
const CURRENCY_SIGN = /^\p{Sc}$/u;
const LETTER = /^\p{L}$/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || (code >= 9 && code <= 13);
}

function isSign(code: number): boolean {
  return code === 45 || code === 43 || code === 0x2212;
}

function isGroupSeparator(code: number, decimal: number): boolean {
  return code === (decimal === DOT ? COMMA : DOT) || code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 39 || code === 0x2019;
}

function isCurrencySign(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // $, ¢ £ ¤ ¥, and the Currency Symbols block (€ ₹ ₩ ₺ …) before asking Unicode.
  return code === 36 || (code >= 0xa2 && code <= 0xa5) || (code >= 0x20a0 && code <= 0x20cf) || (code > 0xff && CURRENCY_SIGN.test(text[at]));
}

function isLetter(code: number, text: string, at: number): boolean {
  const lower = code | 0x20;
  return (lower >= 97 && lower <= 122) || (code > 0x7f && LETTER.test(text[at]));
}

/** Length of the currency sign or code at `at` (before `end`), 0 when there is none. */
function currencyLength(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  if (isCurrencySign(text, at)) {
    // French writes the country after the sign: $US, $CA.
    let signEnd = at + 1;
    while (signEnd < end && signEnd - at <= 3 && text.charCodeAt(signEnd) >= 65 && text.charCodeAt(signEnd) <= 90) signEnd++;
    return signEnd < end && isLetter(text.charCodeAt(signEnd), text, signEnd) ? 1 : signEnd - at;
  }
  let wordEnd = at;
  while (wordEnd < end && isLetter(text.charCodeAt(wordEnd), text, wordEnd)) wordEnd++;
  if (wordEnd === at) return 0;
  const word = text.slice(at, wordEnd);
  const capitals = /^[A-Z]{1,3}$/.test(word);
  if (capitals && wordEnd < end && isCurrencySign(text, wordEnd)) return wordEnd + 1 - at; // R$, US$
  if (text.charCodeAt(wordEnd) === DOT && wordEnd < end && LOCAL_SYMBOLS.has(`${word}.`)) return wordEnd + 1 - at;
  return (capitals && word.length === 3) || LOCAL_SYMBOLS.has(word) ? wordEnd - at : 0;
}

/** A money/quantity cell under a decimal mark; NaN when not a number under that rule. Numbers pass through if finite. */
export function toAmount(value: unknown, decimal: DecimalMark): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  return typeof value === 'string' ? amountFromText(value, decimal === ',' ? COMMA : DOT) : Number.NaN;
}

function amountFromText(text: string, decimal: number): number {
  let at = 0;
  let end = text.length;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  while (end > at && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  let signed = false;
  if (text.charCodeAt(at) === 40 /* ( */ && text.charCodeAt(end - 1) === 41 /* ) */) {
    negative = signed = true;
    at++;
    end--;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    while (end > at && isSpace(text.charCodeAt(end - 1))) end--;
  }

  let currency = false;
  for (;;) {
    const code = text.charCodeAt(at);
    if (isDigit(code) || code === decimal) break;
    let length: number;
    if (!signed && isSign(code)) {
      signed = true;
      negative = code !== 43;
      at++;
    } else if (!currency && (length = currencyLength(text, at, end)) > 0) {
      currency = true;
      at += length;
    } else {
      break;
    }
    while (at < end && isSpace(text.charCodeAt(at))) at++;
  }

  const numberStart = at;
  while (at < end && isDigit(text.charCodeAt(at))) at++;
  const firstGroup = at - numberStart;
  let separator = -1;
  if (firstGroup >= 1 && firstGroup <= 3) {
    for (;;) {
      const code = text.charCodeAt(at);
      if (at + 3 >= end || !isGroupSeparator(code, decimal) || (separator >= 0 && code !== separator)) break;
      if (!isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2)) || !isDigit(text.charCodeAt(at + 3))) break;
      if (at + 4 < end && isDigit(text.charCodeAt(at + 4))) break;
      separator = code;
      at += 4;
    }
  }
  const integerEnd = at;
  let fractionStart = at;
  if (text.charCodeAt(at) === decimal && at < end) {
    fractionStart = ++at;
    while (at < end && isDigit(text.charCodeAt(at))) at++;
  }
  const fractionEnd = at;
  if (firstGroup === 0 && fractionEnd === fractionStart) return Number.NaN;
  if (separator < 0 && (text.charCodeAt(at) | 0x20) === 101 /* e */ && at < end) {
    let exponent = at + 1;
    if (text.charCodeAt(exponent) === 43 || text.charCodeAt(exponent) === 45) exponent++;
    if (isDigit(text.charCodeAt(exponent)) && exponent < end) {
      while (exponent < end && isDigit(text.charCodeAt(exponent))) exponent++;
      at = exponent;
    }
  }
  const numberEnd = at;

  while (at < end && isSpace(text.charCodeAt(at))) at++;
  if (!currency && at < end) at += currencyLength(text, at, end);
  if (at !== end) return Number.NaN;

  const fractionDigits = fractionEnd - fractionStart;
  let number: number;
  if (numberEnd === fractionEnd && integerEnd - numberStart + fractionDigits <= 15) {
    // Below 2^53 the digits are an exact integer and 10^k is exact, so one
    // division rounds once, exactly as Number() would read the text.
    let digits = 0;
    for (let at = numberStart; at < integerEnd; at++) {
      const code = text.charCodeAt(at);
      if (isDigit(code)) digits = digits * 10 + code - 48;
    }
    for (let at = fractionStart; at < fractionEnd; at++) digits = digits * 10 + text.charCodeAt(at) - 48;
    number = digits / POWERS_OF_TEN[fractionDigits];
  } else if (separator < 0 && decimal === DOT) {
    number = Number(text.slice(numberStart, numberEnd));
  } else {
    let digits = text.slice(numberStart, integerEnd);
    if (separator >= 0) digits = digits.split(String.fromCharCode(separator)).join('');
    if (fractionDigits > 0) digits += `.${text.slice(fractionStart, fractionEnd)}`;
    number = Number(digits + text.slice(fractionEnd, numberEnd));
  }
  if (!Number.isFinite(number)) return Number.NaN;
  return negative ? -number : number;
}

export type DecimalInference =
  /** `currencySymbols`: the signs and codes seen in the column, in order of appearance, e.g. ['$'] or ['€', '$']. */
  | { ok: true; decimal: DecimalMark; currencySymbols: string[] }
  | { ok: false; dot: { index: number; example: string }; comma: { index: number; example: string } };

/**
 * Which mark a value shows to be its decimal mark, or 0. The one of '.' and ','
 * written last when both are (`1,234.5`, `1.234,56`); the other one when a mark
 * repeats (`1.234.567`); a lone mark followed by other than three digits
 * (`12,50`, `0.5`, `1.2345`), or by three after space or apostrophe groups
 * (`1 234,567`). `1,234` alone says nothing.
 */
function decimalEvidence(text: string, first: number, last: number): number {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let otherGroups = false;
  for (let at = first; at <= last; at++) {
    const code = text.charCodeAt(at);
    if (code === DOT) {
      dots++;
      lastDot = at;
    } else if (code === COMMA) {
      commas++;
      lastComma = at;
    } else if (!isDigit(code) && lastDot < 0 && lastComma < 0) {
      otherGroups = true;
    }
  }
  if (dots > 0 && commas > 0) return lastDot > lastComma ? DOT : COMMA;
  if (dots > 1) return COMMA;
  if (commas > 1) return DOT;
  const mark = dots > 0 ? DOT : commas > 0 ? COMMA : 0;
  if (mark === 0) return 0;
  let digitsAfter = 0;
  for (let at = (mark === DOT ? lastDot : lastComma) + 1; at <= last && isDigit(text.charCodeAt(at)); at++) digitsAfter++;
  if (digitsAfter === 0) return 0;
  return digitsAfter !== 3 || otherGroups ? mark : 0;
}

/**
 * Settles one column's decimal mark from its values (`value(i)` for i in
 * 0..length-1): evidence for both marks is refused with an example of each;
 * none leaves `hint` (default '.'). With `given` the evidence is not weighed,
 * but currency signs are still collected.
 */
export function inferDecimalMark(
  value: (index: number) => unknown,
  length: number,
  options: { given?: DecimalMark; hint?: DecimalMark } = {},
): DecimalInference {
  const currencySymbols: string[] = [];
  const seen = new Set<string>();
  let dot: { index: number; example: string } | undefined;
  let comma: { index: number; example: string } | undefined;
  for (let index = 0; index < length; index++) {
    const text = value(index);
    if (typeof text !== 'string') continue;
    let first = 0;
    while (first < text.length && !isDigit(text.charCodeAt(first))) first++;
    if (first === text.length) continue;
    let last = text.length - 1;
    while (!isDigit(text.charCodeAt(last))) last--;
    if (first > 0 && (text.charCodeAt(first - 1) === DOT || text.charCodeAt(first - 1) === COMMA)) first--;

    if (first > 0) collectCurrency(text, 0, first, seen, currencySymbols);
    if (last < text.length - 1) collectCurrency(text, last + 1, text.length, seen, currencySymbols);
    if (options.given) continue;
    const evidence = decimalEvidence(text, first, last);
    if (evidence === DOT) dot ??= { index, example: text };
    else if (evidence === COMMA) comma ??= { index, example: text };
    if (dot && comma) return { ok: false, dot, comma };
  }
  const decimal = options.given ?? (comma ? ',' : dot ? '.' : (options.hint ?? '.'));
  return { ok: true, decimal, currencySymbols };
}

function isDecoration(code: number): boolean {
  return isSpace(code) || isSign(code) || code === 40 || code === 41;
}

/** Adds the currency sign or code in text[from, to) to `symbols`, first time seen. */
function collectCurrency(text: string, from: number, to: number, seen: Set<string>, symbols: string[]): void {
  while (from < to && isDecoration(text.charCodeAt(from))) from++;
  while (to > from && isDecoration(text.charCodeAt(to - 1))) to--;
  if (from === to) return;
  const token = text.slice(from, to);
  if (seen.has(token)) return;
  seen.add(token);
  if (currencyLength(token, 0, token.length) === token.length) symbols.push(token);
}

/** Human text of what a column's numbers look like, for messages. */
export function describeNumberFormat(decimal: DecimalMark): string {
  return decimal === ',' ? 'a number such as 1.234,50 (decimal comma)' : 'a number such as 1,234.50';
}
