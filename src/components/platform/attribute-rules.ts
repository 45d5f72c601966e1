/**
 * Attribute converters that know what a good value is.
 *
 * A page author's typo (`height="1e308"`, `week-start="9"`, `threshold="abc"`)
 * must neither reach the drawing (a 1e308 px viewBox, "churn above ∞ %") nor be
 * ignored without a word. So each numeric or choice attribute declares its
 * range here; a value outside it converts to the attribute's default, and the
 * element (RetentionElement.attributeChangedCallback) asks `refusal` why, to
 * say so in `warnings`, the notice and one console warning.
 *
 *   @property({ attribute: 'week-start', converter: numberAttribute({ min: 0, max: 6, integer: true }) })
 */
import type { ComplexAttributeConverter, PropertyDeclaration } from 'lit';
import type { InputWarning } from '../../metrics/issues.ts';
import { readMargin } from '../../metrics/margin.ts';

/** What a refused attribute should have been: a number range, a list of words, or a margin (a fraction or a percent). */
export type AttributeExpectation = { min: number; max: number; integer: boolean } | { choices: readonly string[] } | { takes: 'margin' };

export interface CheckedConverter<T> extends ComplexAttributeConverter<T> {
  /** Why `text` is not a good value (what was expected), or null when it is. */
  refusal(text: string): AttributeExpectation | null;
  /**
   * The element reads a value set as a property itself (a margin: the number or text is read
   * where it is used, and a refused one is an error naming the attribute), so RetentionElement
   * leaves such properties as they were set.
   */
  readsPropertiesItself?: boolean;
}

export interface NumberRange {
  min: number;
  max: number;
  /** Only whole numbers (a count, a weekday). */
  integer?: boolean;
  /** `none`, `off` or an empty value mean "no value" (null): a threshold line that is turned off. */
  allowNone?: boolean;
  /** The value of a missing or refused attribute, for a property whose default is not undefined. */
  fallback?: number;
}

const NONE_WORDS = new Set(['none', 'off', '']);

/**
 * A number in `[min, max]`. A missing, blank or refused attribute is
 * `fallback` (undefined unless given: the element's default). Numbers read as JavaScript reads
 * them (`0.07`, `7e-2`), not in the page's locale: attribute values are code.
 */
export function numberAttribute(range: NumberRange): CheckedConverter<number | null | undefined> {
  const expectation = { min: range.min, max: range.max, integer: range.integer ?? false };
  const parse = (text: string): number | null | undefined => {
    const trimmed = text.trim();
    if (range.allowNone && NONE_WORDS.has(trimmed.toLowerCase())) return null;
    if (trimmed === '') return undefined;
    const number = Number(trimmed);
    const good = Number.isFinite(number) && number >= range.min && number <= range.max && (!range.integer || Number.isInteger(number));
    return good ? number : Number.NaN;
  };
  return {
    fromAttribute(text: string | null) {
      const value = text === null ? undefined : parse(text);
      return value === undefined || Number.isNaN(value) ? range.fallback : value;
    },
    toAttribute(value: number | null | undefined) {
      return value === undefined ? null : value === null ? 'none' : String(value);
    },
    refusal(text: string) {
      return Number.isNaN(parse(text)) ? expectation : null;
    },
  };
}

/** One of `choices` (compared without case or surrounding space); anything else is `fallback`. */
export function choiceAttribute<T extends string>(choices: readonly T[], fallback: T): CheckedConverter<T> {
  const find = (text: string) => choices.find((choice) => choice === text.trim().toLowerCase());
  return {
    fromAttribute(text: string | null) {
      return (text === null ? undefined : find(text)) ?? fallback;
    },
    toAttribute(value: T) {
      return value;
    },
    refusal(text: string) {
      return find(text) === undefined ? { choices } : null;
    },
  };
}

/** The converter of a property declaration, if it is one of these. */
export function isCheckedConverter(converter: unknown): converter is CheckedConverter<unknown> {
  return typeof converter === 'object' && converter !== null && typeof (converter as CheckedConverter<unknown>).refusal === 'function';
}

// Attributes several elements share, with one range each.
/** Chart height in px: below 80 nothing reads, above 2000 no screen shows it whole. */
export const chartHeightAttribute = numberAttribute({ min: 80, max: 2000 });
/** First day of week periods: 0 = Sunday … 6 = Saturday. */
export const weekStartAttribute = numberAttribute({ min: 0, max: 6, integer: true });
/** Days a purchase keeps a customer active: a day to ten years. */
export const windowDaysAttribute = numberAttribute({ min: 1, max: 3650 });
/** A share as a fraction, 0–1 (margins, rates). */
export const fractionAttribute = numberAttribute({ min: 0, max: 1 });
/** A count of periods a chart shows: one to ten years of months. */
export const periodCountAttribute = numberAttribute({ min: 1, max: 120, integer: true });
/**
 * `confidence`: `on` (default) shows intervals, small-sample marks and whether a
 * change is beyond noise; `off` hides them for a page that wants bare figures.
 * One rule for every element that states its uncertainty:
 *   @property({ reflect: true, converter: confidenceAttribute }) confidence: Confidence = 'on';
 */
export const confidenceAttribute = choiceAttribute(['on', 'off'] as const, 'on');
export type Confidence = 'on' | 'off';

/**
 * A gross margin as people write it: `0.78`, `78 %`, `78%`, or `78` (above 1:
 * a percent). Read by metrics/margin.ts, the one reading the jobs and the
 * calculator's field use too. The property keeps the text as written, so the
 * element can say how a bare `78` was read; a refused value is no margin.
 */
export const marginAttribute: CheckedConverter<string | undefined> = {
  fromAttribute(text: string | null) {
    return text !== null && readMargin(text).ok ? text.trim() : undefined;
  },
  toAttribute(value: string | undefined) {
    return value === undefined ? null : String(value);
  },
  refusal(text: string) {
    return text.trim() === '' || readMargin(text).ok ? null : { takes: 'margin' };
  },
  readsPropertiesItself: true,
};

/** The warning for an attribute value an element refused; its English message also goes to the console. */
export function refusedAttributeWarning(attribute: string, value: string, expected: AttributeExpectation): InputWarning {
  const takes =
    'takes' in expected
      ? 'a margin from 0 to 1 (0.78) or a percent up to 100 (78 %)'
      : 'choices' in expected
        ? `one of ${expected.choices.join(', ')}`
        : `${expected.integer ? 'a whole number' : 'a number'} from ${expected.min} to ${expected.max}`;
  return {
    code: 'invalid-attribute',
    count: 1,
    params:
      'takes' in expected
        ? { attribute, value, takes: expected.takes }
        : 'choices' in expected
          ? { attribute, value, choices: [...expected.choices] }
          : { attribute, value, min: expected.min, max: expected.max, ...(expected.integer ? { wholeNumber: 'yes' as const } : {}) },
    message: `${attribute}="${value}" is not used: it takes ${takes}, so the default applies.`,
    examples: [],
  };
}

/** A property whose attribute has a checked converter. */
export interface CheckedProperty {
  property: PropertyKey;
  attribute: string;
  converter: CheckedConverter<unknown>;
}

/** Each element class's checked properties by attribute name (from Lit's property declarations). */
const checkedAttributes = new WeakMap<object, Map<string, CheckedProperty>>();

export function checkedPropertiesOf(elementClass: { elementProperties: Map<PropertyKey, PropertyDeclaration> }): Map<string, CheckedProperty> {
  let byAttribute = checkedAttributes.get(elementClass);
  if (!byAttribute) {
    byAttribute = new Map();
    for (const [property, declaration] of elementClass.elementProperties) {
      if (declaration.attribute === false || !isCheckedConverter(declaration.converter)) continue;
      const attribute = typeof declaration.attribute === 'string' ? declaration.attribute : String(property).toLowerCase();
      byAttribute.set(attribute, { property, attribute, converter: declaration.converter });
    }
    checkedAttributes.set(elementClass, byAttribute);
  }
  return byAttribute;
}

