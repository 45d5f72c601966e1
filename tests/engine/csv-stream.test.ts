/**
 * The streaming CSV reader: the same file gives the same columns however its
 * bytes are cut (whole, byte by byte, random chunks), with RFC 4180 quoting,
 * every line end, a byte order mark, multi-byte characters split across
 * chunks, empty lines and short rows; and the records equal what d3-dsv's
 * parseRows made of the same text (the reader it replaces).
 */
import { expect } from '@open-wc/testing';
import { dsvFormat } from 'd3-dsv';
import { CsvColumnReader } from '../../src/engine/csv-stream.ts';
import { detectDelimiter, parseText } from '../../src/engine/parse.ts';
import { CsvRecords, recordObjects } from '../../src/metrics/read/csv-records.ts';

const encoder = new TextEncoder();

function read(chunks: Iterable<Uint8Array | string>, delimiter?: string) {
  const reader = new CsvColumnReader({ delimiter, origin: 'test.csv' });
  for (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

function records(chunks: Iterable<Uint8Array | string>, delimiter?: string): CsvRecords {
  const outcome = read(chunks, delimiter);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.rows;
}

/** The parts of CsvRecords that make it what it is, for deep comparison. */
function shape(rows: CsvRecords) {
  return { header: rows.header, columns: rows.columns, length: rows.length, delimiter: rows.delimiter };
}

function* bytewise(bytes: Uint8Array) {
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
}

/** Seeded chunk sizes 1…max, so a failure repeats. */
function* randomChunks(bytes: Uint8Array, seed: number, max: number) {
  let state = seed;
  for (let at = 0; at < bytes.length; ) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const size = 1 + (state % max);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** What the engine made of CSV before: d3-dsv parseRows, then one object per row. */
function d3Records(text: string, delimiter = detectDelimiter(text)): Record<string, string>[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const [header = [], ...lines] = dsvFormat(delimiter).parseRows(body);
  return lines
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells) => Object.fromEntries(header.map((name, c) => [name, cells[c] ?? ''])));
}

/** Every case in one file: BOM, CRLF, bare CR and LF ends, quotes, multi-byte text, empty lines, a short row. */
const TRICKY =
  '\ufeffcustomer,note,amount,city\r\n' +
  'C1,"plain",12.50,Oslo\r\n' +
  'C2,"with ""quotes"" inside","1,5",Tromsø\r\n' +
  '\r\n' +
  'C3,"a, comma and a\r\nline break",7,"北京"\n' +
  'C4,emoji 🎉 here,3\r' +
  'C5,,,\n' +
  '\n' +
  'C6,"ends in quote""",9,Zürich\r\n' +
  'C7,last,1,Bodø';

describe('CsvColumnReader', () => {
  it('reads quotes, line ends, a BOM, multi-byte text, empty lines and short rows into columns', () => {
    const rows = records([TRICKY]);
    expect(rows.header).to.deep.equal(['customer', 'note', 'amount', 'city']);
    expect(rows.length).to.equal(7);
    expect(rows.delimiter).to.equal(',');
    expect(rows.column('customer')).to.deep.equal(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(rows.column('note')).to.deep.equal(['plain', 'with "quotes" inside', 'a, comma and a\r\nline break', 'emoji 🎉 here', '', 'ends in quote"', 'last']);
    expect(rows.column('amount')).to.deep.equal(['12.50', '1,5', '7', '3', '', '9', '1']);
    // C4's row is short: its missing city is '' (as csvParse gave).
    expect(rows.column('city')).to.deep.equal(['Oslo', 'Tromsø', '北京', '', '', 'Zürich', 'Bodø']);
  });

  it('gives identical columns for the file whole, byte by byte, in random chunks and as text piece by piece', () => {
    const bytes = encoder.encode(TRICKY);
    const whole = shape(records([bytes]));
    expect(shape(records(bytewise(bytes)))).to.deep.equal(whole);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(shape(records(randomChunks(bytes, seed, 9))), `seed ${seed}`).to.deep.equal(whole);
    expect(shape(records([...TRICKY]))).to.deep.equal(whole);
    expect(shape(records([TRICKY]))).to.deep.equal(whole);
  });

  it('splits inside a multi-byte character, inside quotes, and between \\r and \\n without changing a cell', () => {
    const text = 'name,city\r\n"Ø, ""x""",北京\r\nå,🎉\r\n';
    const bytes = encoder.encode(text);
    const whole = shape(records([bytes]));
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(shape(records([bytes.subarray(0, cut), bytes.subarray(cut)])), `cut at byte ${cut}`).to.deep.equal(whole);
    }
    expect(whole.columns).to.deep.equal([
      ['Ø, "x"', 'å'],
      ['北京', '🎉'],
    ]);
  });

  it('equals d3-dsv parseRows with one object per row, on the tricky file and on generated ones', () => {
    expect(recordObjects(records([TRICKY]))).to.deep.equal(d3Records(TRICKY));
    let state = 7;
    const pick = <T>(items: readonly T[]) => items[(state = (Math.imul(state, 48_271) + 1) >>> 0) % items.length];
    const cells = ['a', '', 'b c', '"q"', '"x, y"', '"multi\nline"', '"dq "" in"', 'ø', '😀', '12.5', ' pad '];
    for (let file = 0; file < 40; file++) {
      const lines = ['h1,h2,h3'];
      for (let line = 0; line < 12; line++) {
        const width = pick([0, 1, 2, 3, 3, 3]);
        lines.push(Array.from({ length: width }, () => pick(cells)).join(','));
      }
      const text = lines.join(pick(['\n', '\r\n', '\r'])) + pick(['', '\n', '\r\n']);
      const bytes = encoder.encode(text);
      expect(recordObjects(records([bytes])), text).to.deep.equal(d3Records(text));
      expect(shape(records(randomChunks(bytes, file + 1, 5))), text).to.deep.equal(shape(records([bytes])));
    }
  });

  it('keeps the last of a repeated column name and a column with an empty name, as row objects did', () => {
    const text = 'id,x,,x\n1,first,blank,second\n2,only\n';
    const rows = records([text]);
    expect(rows.header).to.deep.equal(['id', 'x', '']);
    expect(rows.column('x')).to.deep.equal(['second', '']);
    expect(rows.column('')).to.deep.equal(['blank', '']);
    expect(recordObjects(rows)).to.deep.equal(d3Records(text));
  });

  it('detects the delimiter from the header line, also when it arrives in pieces, and takes a stated one', () => {
    const text = '"Kunde; Navn";Dato;Beløp\nC1;2024-01-02;"12,50"\n';
    const rows = records(bytewise(encoder.encode(text)));
    expect(rows.delimiter).to.equal(';');
    expect(rows.header).to.deep.equal(['Kunde; Navn', 'Dato', 'Beløp']);
    expect(rows.column('Beløp')).to.deep.equal(['12,50']);
    expect(records(['a\tb\n1\t2\n']).delimiter).to.equal('\t');
    expect(records(['a|b\n1|2\n'], 'tab').header).to.deep.equal(['a|b']);
    expect(records(['a\tb\n1\t2\n'], 'tab').column('b')).to.deep.equal(['2']);
    expect(records(['a|b\n1|2\n'], '|').column('b')).to.deep.equal(['2']);
  });

  it('skips empty lines before the header and after the last row', () => {
    const rows = records(['\r\n\na,b\n1,2\n\n\r\n']);
    expect(rows.header).to.deep.equal(['a', 'b']);
    expect(rows.length).to.equal(1);
  });

  it('ends the last row at the end of the file, with or without a line end, and an empty last field after a final delimiter', () => {
    expect(records(['a,b\n1,2']).columns).to.deep.equal([['1'], ['2']]);
    expect(records(['a,b\n1,"2"']).columns).to.deep.equal([['1'], ['2']]);
    expect(records(['a,b,c\n1,2,']).columns).to.deep.equal([['1'], ['2'], ['']]);
    expect(records(['a,b\r\n1,2\r']).length).to.equal(1);
  });

  it('reads an empty file or a header alone as no records', () => {
    expect(shape(records([]))).to.deep.equal({ header: [], columns: [], length: 0, delimiter: ',' });
    const headerOnly = records(['customer,date\n']);
    expect(headerOnly.header).to.deep.equal(['customer', 'date']);
    expect(headerOnly.length).to.equal(0);
  });

  it('counts completed data rows as they arrive', () => {
    const reader = new CsvColumnReader({ origin: 'test.csv' });
    reader.push('a,b\n1,');
    expect(reader.rowCount).to.equal(0);
    reader.push('2\n3,4\n\n5');
    expect(reader.rowCount).to.equal(2);
    const outcome = reader.finish();
    expect(outcome.ok && outcome.rows.length).to.equal(3);
    expect(reader.rowCount).to.equal(3);
  });

  it('reports a quoted field that is never closed, with its record and its start', () => {
    const outcome = read(['customer,note\nC1,ok\nC2,"runs to the end\nC3,x\n']);
    expect(outcome.ok).to.equal(false);
    if (outcome.ok) return;
    expect(outcome.error.reason).to.equal('parse');
    expect(outcome.error.origin).to.equal('test.csv');
    expect(outcome.error.message).to.equal('malformed CSV (record 2: the quoted field starting "runs to the end\nC3,x\n" is never closed)');
    const inHeader = read(['"customer,note\n']);
    expect(!inHeader.ok && inHeader.error.message).to.contain('the header');
  });

  it('keeps text after a closing quote, as spreadsheets do', () => {
    expect(records(['size,n\n"5" tall,1\n']).column('size')).to.deep.equal(['5 tall']);
  });

  it('refuses a delimiter that is not one character or "tab"', () => {
    const outcome = read(['a,b\n1,2\n'], ';;');
    expect(!outcome.ok && outcome.error.message).to.equal('the delimiter ";;" is not one character or "tab"');
  });
});

describe('parseText on CSV', () => {
  it('gives CsvRecords from the same reader, with the file delimiter kept', () => {
    const parsed = parseText('Kunde;Beløp\nC1;"12,5"\n', 'csv', 'test.csv');
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    expect(parsed.rows).to.be.instanceOf(CsvRecords);
    expect(shape(parsed.rows as CsvRecords)).to.deep.equal({ header: ['Kunde', 'Beløp'], columns: [['C1'], ['12,5']], length: 1, delimiter: ';' });
  });
});
