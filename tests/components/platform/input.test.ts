import { expect } from '@open-wc/testing';
import { detectFormat, firstNonSpace } from '../../../src/components/platform/input.ts';
import { materialize, parseText } from '../../../src/engine/parse.ts';
import { recordObjects, type CsvRecords } from '../../../src/metrics/read/csv-records.ts';
import { publishSource, watchSource } from '../../../src/components/platform/source-hub.ts';
import { defineElement } from '../../../src/components/platform/define.ts';

describe('input parsing', () => {
  it('detects the format by content type, then extension, then first character', () => {
    expect(detectFormat('application/json; charset=utf-8', '/x.csv', 'a,b')).to.equal('json');
    expect(detectFormat('text/csv', '/x.json', '[]')).to.equal('csv');
    expect(detectFormat('text/plain', '/exports/orders.CSV?v=2', '[')).to.equal('csv');
    expect(detectFormat(null, '/data', firstNonSpace(' \n [{"a":1}]'))).to.equal('json');
    expect(detectFormat(null, '/data', firstNonSpace('a,b\n1,2'))).to.equal('csv');
    expect(detectFormat(null, '/data', undefined)).to.equal('csv');
  });

  it('reads bytes the same as the text they encode', () => {
    const text = 'customer,date,amount\nÅse,2024-01-02,3\n';
    const fromBytes = materialize({ kind: 'bytes', bytes: new TextEncoder().encode(text), format: 'csv', origin: 'test' });
    const fromText = materialize({ kind: 'text', text, format: 'csv', origin: 'test' });
    expect(fromBytes).to.deep.equal(fromText);
    expect(fromBytes.ok && (fromBytes.rows as CsvRecords).column('customer')).to.deep.equal(['Åse']);
  });

  it('parses CSV into columns of text cells, and reports malformed JSON', () => {
    const csv = parseText('customer,amount\n"a, inc",12.5\n', 'csv', 'test');
    expect(csv.ok && recordObjects(csv.rows as CsvRecords)).to.deep.equal([{ customer: 'a, inc', amount: '12.5' }]);
    const json = parseText('[{"a":', 'json', 'test');
    expect(json.ok).to.equal(false);
    if (!json.ok) expect(json.error).to.include({ kind: 'load-error', reason: 'parse', origin: 'test' });
  });
});

describe('source hub', () => {
  it('gives a late watcher the current state and every later one', () => {
    const seen: (string | undefined)[] = [];
    publishSource('hub-test', { state: 'loading', version: 1 });
    const stop = watchSource('hub-test', (snapshot) => seen.push(snapshot?.state));
    publishSource('hub-test', { state: 'ready', version: 1, input: { kind: 'rows', rows: [], origin: 'x' } });
    stop();
    publishSource('hub-test', undefined);
    expect(seen).to.deep.equal(['loading', 'ready']);
  });
});

describe('defineElement', () => {
  it('defines once, is a no-op for the same version and warns (no throw) for another', () => {
    class First extends HTMLElement {
      static kitVersion = '0.1.0';
    }
    class Same extends HTMLElement {
      static kitVersion = '0.1.0';
    }
    class Other extends HTMLElement {
      static kitVersion = '9.9.9';
    }
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      expect(defineElement('rk-define-test', First)).to.equal(true);
      expect(defineElement('rk-define-test', First)).to.equal(false);
      expect(defineElement('rk-define-test', Same)).to.equal(false);
      expect(warnings).to.have.length(0);
      expect(defineElement('rk-define-test', Other)).to.equal(false);
      expect(warnings[0]).to.contain('already defined by retention-kit 0.1.0');
      expect(customElements.get('rk-define-test')).to.equal(First);
    } finally {
      console.warn = warn;
    }
  });
});
