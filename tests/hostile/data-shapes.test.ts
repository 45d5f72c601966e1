/**
 * Every element that reads records × hostile shapes of its records: none, one,
 * holes, wrong keys, markup in shown text, prototype names as ids and as field
 * names, numbers at and beyond the kit's limits, dates at and beyond 1900–2200.
 * Each group of cases is mounted at once and held to the rules in harness.ts.
 */
import { expect } from '@open-wc/testing';
import { RECORD_ELEMENTS, fieldMapping, renameFields, type ElementSpec, type RecordKind, type Row } from './elements.ts';
import { expectNoFailures, make, runGroup, type Case } from './harness.ts';

type RecordSpec = ElementSpec & { kind: RecordKind };

const MARKUP = '<img src=x onerror="window.__hostilePwned=1"><script>window.__hostilePwned=1</script>';

/** Prototype property names, one per customer id of the small inputs (a bijection, so results can be compared). */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf'];

function withRow(rows: Row[], index: number, changes: Row): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...changes } : row));
}

function el(spec: RecordSpec, data: unknown, attributes: Record<string, string> = {}) {
  return make(spec.tag, { ...spec.attributes, ...attributes }, data);
}

function shapeCases(spec: RecordSpec): Case[] {
  const { kind } = spec;
  const rows = kind.rows();
  const wrongKeys = renameFields(rows, Object.fromEntries(Object.keys(kind.fieldAttributes).map((field) => [field, `${field}_wrong`])));
  // eslint-disable-next-line no-sparse-arrays
  const sparse = [rows[0], , rows[1], ...rows.slice(2)];
  const markupAttribute = make(spec.tag, { ...spec.attributes, data: JSON.stringify(withRow(rows, 0, { [kind.shownField]: MARKUP })) });
  return [
    { name: 'empty array', el: el(spec, []) },
    { name: 'empty array as attribute', el: make(spec.tag, { ...spec.attributes, data: '[]' }) },
    { name: 'empty object', el: el(spec, {}) },
    { name: 'one row', el: el(spec, rows.slice(0, 1)) },
    { name: 'a null among the rows', el: el(spec, [rows[0], null, ...rows.slice(1)]) },
    { name: 'a hole in the array', el: el(spec, sparse) },
    { name: 'a row that is a number', el: el(spec, [...rows, 42]) },
    { name: 'a row holding a function', el: el(spec, withRow(rows, 0, { [kind.shownField]: () => 'x' })) },
    { name: 'every field under a wrong key', el: el(spec, wrongKeys), mustRefuse: true, names: Object.keys(kind.fieldAttributes) },
    { name: 'field attributes naming missing columns', el: el(spec, rows, fieldMapping(kind, { [kind.idField]: 'who', [kind.dateField]: 'when' })), mustRefuse: true, names: ['who', 'when'] },
    { name: `markup in ${kind.shownField} (property)`, el: el(spec, withRow(rows, 0, { [kind.shownField]: MARKUP })) },
    { name: `markup in ${kind.shownField} (data attribute)`, el: markupAttribute },
    { name: 'malformed JSON attribute', el: make(spec.tag, { ...spec.attributes, data: '[{"customer": "a",' }) },
    { name: 'a 20,000-character id', el: el(spec, withRow(rows, 0, { [kind.idField]: 'x'.repeat(20_000) })) },
  ];
}

function numberCases(spec: RecordSpec): Case[] {
  const { kind } = spec;
  const field = kind.numberField!;
  const rows = kind.rows();
  const at = (value: unknown) => el(spec, withRow(rows, 1, { [field]: value }));
  const refused = (name: string, value: unknown): Case => ({ name, el: at(value), mustRefuse: true, names: [field] });
  return [
    { name: `${field} 0`, el: at(0) },
    { name: `${field} 1e15 (at the limit)`, el: at(1e15) },
    { name: `${field} 5e-324 (denormal)`, el: at(5e-324) },
    refused(`${field} 1e308`, 1e308),
    refused(`${field} -1e308`, -1e308),
    refused(`${field} "1e400"`, '1e400'),
    refused(`${field} NaN`, Number.NaN),
    refused(`${field} Infinity`, Number.POSITIVE_INFINITY),
    refused(`${field} "abc"`, 'abc'),
    // Every row at 1e308: a sum overflows to Infinity if anything lets one through.
    { name: `${field} 1e308 on every row`, el: el(spec, rows.map((row) => ({ ...row, [field]: 1e308 }))), mustRefuse: true, names: [field] },
    // A score is 0–10, so -1 is as wrong as 1e308; elsewhere -1 is a refund or a correction.
    kind.name === 'responses' ? refused(`${field} -1`, -1) : { name: `${field} -1`, el: at(-1) },
  ];
}

/** Dates the kit must refuse: beyond 1900–2200, the ends of what Date holds, days that do not exist. */
function refusedDateCases(spec: RecordSpec): Case[] {
  const { kind } = spec;
  const field = kind.dateField;
  const rows = kind.rows();
  const refused = (name: string, value: unknown): Case => ({ name, el: el(spec, withRow(rows, 1, { [field]: value })), mustRefuse: true, names: [field] });
  return [
    refused(`${field} 1899-12-31`, '1899-12-31'),
    refused(`${field} 2201-01-01`, '2201-01-01'),
    refused(`${field} 0000-01-01`, '0000-01-01'),
    refused(`${field} 9999-12-31`, '9999-12-31'),
    refused(`${field} +275760-09-13 (the last day Date holds)`, '+275760-09-13'),
    refused(`${field} epoch ms 8.64e15`, 8.64e15),
    refused(`${field} epoch ms -8.64e15`, -8.64e15),
    refused(`${field} 2024-02-30`, '2024-02-30'),
    refused(`${field} "yesterday"`, 'yesterday'),
  ];
}

/**
 * Dates the kit computes with, each alone on the page (a long main-thread task is then this
 * case's): a span from the first or to the last day of 1900–2200 is thousands of periods.
 */
const ACCEPTED_DATES = ['1900-01-01', '2200-12-31', '1970-01-01'];

/** The value as JSON with the prototype-named ids put back to the ordinary ones. */
function withOrdinaryIds(value: unknown, ids: Map<string, string>): string {
  let json = JSON.stringify(value) ?? '';
  for (const [odd, plain] of ids) json = json.split(JSON.stringify(odd)).join(JSON.stringify(plain));
  return json;
}

describe('hostile data shapes, every element that reads records', function () {
  this.timeout(40_000);

  for (const spec of RECORD_ELEMENTS) {
    describe(`<${spec.tag}> (${spec.kind.name})`, () => {
      it('empty, one row, holes, wrong keys, markup, malformed JSON', async () => {
        (window as { __hostilePwned?: number }).__hostilePwned = undefined;
        const outcome = await runGroup(`${spec.tag} shapes`, () => shapeCases(spec));
        expect((window as { __hostilePwned?: number }).__hostilePwned, 'markup from data ran a script').to.equal(undefined);
        expectNoFailures(outcome);
      });

      if (spec.kind.numberField) {
        it(`numbers in ${spec.kind.numberField}: 0, -1, 1e15, 1e308, 1e400, NaN, Infinity, "abc", denormal`, async () => {
          expectNoFailures(await runGroup(`${spec.tag} numbers`, () => numberCases(spec)));
        });
      }

      it(`dates in ${spec.kind.dateField} beyond 1900–2200, years 0000 and 9999, epoch edges, days that do not exist: refused`, async () => {
        expectNoFailures(await runGroup(`${spec.tag} refused dates`, () => refusedDateCases(spec)));
      });

      for (const date of ACCEPTED_DATES) {
        it(`one ${spec.kind.dateField} on ${date}: computed within the limits`, async () => {
          const rows = withRow(spec.kind.rows(), 1, { [spec.kind.dateField]: date });
          expectNoFailures(await runGroup(`${spec.tag} ${spec.kind.dateField} ${date}`, () => [{ name: `${spec.kind.dateField} ${date}`, el: el(spec, rows) }]));
        });
      }

      it('prototype names as ids and as field names give the results of ordinary names', async () => {
        const { kind } = spec;
        const rows = kind.rows();
        const plainIds = [...new Set(rows.map((row) => String(row[kind.idField])))];
        const ids = new Map(plainIds.map((id, i) => [PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length], id]));
        const oddOf = new Map([...ids].map(([odd, plain]) => [plain, odd]));
        const oddIdRows = rows.map((row) => ({ ...row, [kind.idField]: oddOf.get(String(row[kind.idField])) }));
        // Every field renamed to a prototype property name, mapped back by the field attributes.
        const oddColumns = Object.fromEntries(Object.keys(kind.fieldAttributes).map((field, i) => [field, PROTOTYPE_NAMES[i]]));
        const outcome = await runGroup(`${spec.tag} prototype names`, () => [
          { name: 'ordinary names', el: el(spec, rows) },
          { name: 'prototype names as ids', el: el(spec, oddIdRows) },
          { name: 'prototype names as field names (property)', el: el(spec, renameFields(rows, oddColumns), fieldMapping(kind, oddColumns)) },
          {
            name: 'prototype names as field names (JSON attribute)',
            el: make(spec.tag, { ...spec.attributes, ...fieldMapping(kind, oddColumns), data: JSON.stringify(renameFields(rows, oddColumns)) }),
          },
        ]);
        const [ordinary, ...others] = outcome.cases.map((c) => c.el);
        others.forEach((other, i) => {
          const name = outcome.cases[i + 1].name;
          if (other.status !== ordinary.status || withOrdinaryIds(other.result, ids) !== JSON.stringify(ordinary.result)) {
            outcome.failures.push(
              `${name}: differs from ordinary names (${other.status} ${other.error?.message ?? ''} ${withOrdinaryIds(other.result, ids).slice(0, 120)} vs ${ordinary.status} ${JSON.stringify(ordinary.result)?.slice(0, 120)})`,
            );
          }
        });
        expect(ordinary.status, `ordinary input: ${ordinary.error?.message}`).to.equal('ready');
        expectNoFailures(outcome);
      });
    });
  }
});
