/**
 * CSV read as it arrives, straight into columns: each cell is cut out of the
 * chunk it sits in and appended to its column, so a million-row download
 * never becomes a million row objects, and no step waits for the whole text.
 *
 * RFC 4180 quoting (doubled quotes, delimiters and line breaks inside quotes),
 * CRLF, LF or CR line ends, a UTF-8 byte order mark, empty lines skipped (a
 * spreadsheet's trailing rows), short rows padded with ''. A chunk may end
 * anywhere: inside a multi-byte character, a quoted field, or between \r and \n.
 */
import { loadError, type LoadError } from '../components/platform/errors.ts';
import { CsvRecords } from '../metrics/read/csv-records.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where the scanner stands between two characters (and so between two chunks). */
const FIELD_START = 0;
/** Inside an unquoted field; its text from earlier chunks is in `partial`. */
const UNQUOTED = 1;
const QUOTED = 2;
/** Just after a quote inside a quoted field: the next character tells a doubled quote from the closing one. */
const AFTER_QUOTE = 3;
/** A record ended with \r: a \n right after it is part of the same line end. */
const AFTER_CR = 4;

type ScanState = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof AFTER_QUOTE | typeof AFTER_CR;

export type CsvOutcome = { ok: true; rows: CsvRecords } | { ok: false; error: LoadError };

/** The `delimiter` attribute: one character, or the word `tab`; undefined when it is neither. */
export function delimiterOf(text: string): string | undefined {
  if (text.toLowerCase() === 'tab' || text === '\\t') return '\t';
  return text.length === 1 && text !== '"' && text !== '\n' && text !== '\r' ? text : undefined;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Finds a file's delimiter in its header line, fed in pieces: the one of `,`
 * `;` tab `|` that occurs most often outside quotes (a European Excel save
 * uses `;`, Numbers and "Unicode text" saves use tabs, whatever the file is
 * named). A header with none of them is a one-column file: `,`. Line breaks
 * before the header are skipped, as the reader skips empty lines.
 */
export class DelimiterSniffer {
  private readonly counts = new Map<string, number>();
  private quoted = false;
  private started = false;
  /** True once the header line has ended: more text changes nothing. */
  settled = false;

  feed(text: string): boolean {
    for (let i = 0; i < text.length && !this.settled; i++) {
      const char = text[i];
      if (!this.started && (char === '\n' || char === '\r' || char === '\ufeff')) continue;
      this.started = true;
      if (char === '"') this.quoted = !this.quoted;
      else if (!this.quoted && (char === '\n' || char === '\r')) this.settled = true;
      else if (!this.quoted && DELIMITERS.includes(char)) this.counts.set(char, (this.counts.get(char) ?? 0) + 1);
    }
    return this.settled;
  }

  get delimiter(): string {
    let best = ',';
    for (const delimiter of DELIMITERS) if ((this.counts.get(delimiter) ?? 0) > (this.counts.get(best) ?? 0)) best = delimiter;
    return best;
  }
}

/**
 * Which column each field of a row goes to: a name the header repeats is
 * one column holding the last such field (as `record[name] = cell` did);
 * the earlier ones are dropped (-1).
 */
function columnsOfHeader(cells: readonly string[]): { names: string[]; slots: Int32Array } {
  const lastField = new Map<string, number>();
  cells.forEach((name, field) => lastField.set(name, field));
  const names: string[] = [];
  const slots = new Int32Array(cells.length).fill(-1);
  const columnOfName = new Map<string, number>();
  cells.forEach((name, field) => {
    let column = columnOfName.get(name);
    if (column === undefined) {
      column = names.length;
      columnOfName.set(name, column);
      names.push(name);
    }
    if (lastField.get(name) === field) slots[field] = column;
  });
  return { names, slots };
}

export class CsvColumnReader {
  private readonly origin: string;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Set when the `delimiter` option is unusable: reported by finish(). */
  private readonly badDelimiter: string | undefined;
  /** Until the header line is complete, the delimiter is being found and the text is held. */
  private sniffer: DelimiterSniffer | undefined;
  private held = '';
  private delimiter = ',';
  private delimiterCode = 44;
  /** No character seen yet: a byte order mark may come. */
  private atStart = true;

  private state: ScanState = FIELD_START;
  /** Text of the current field that an earlier chunk (or a doubled quote) cut off. */
  private partial = '';
  /** The current field's place in its row. */
  private field = 0;
  private headerCells: string[] | undefined = [];
  private width = 0;
  private slots: Int32Array = new Int32Array(0);
  private columns: string[][] = [];
  /** Each column's last cell: a repeated value (an order's customer, date, status on each line) is stored once. */
  private lastCells: string[] = [];
  private names: string[] = [];
  private rows = 0;

  constructor(options: { delimiter?: string; origin: string }) {
    this.origin = options.origin;
    if (options.delimiter === undefined) {
      this.sniffer = new DelimiterSniffer();
    } else {
      const delimiter = delimiterOf(options.delimiter);
      if (delimiter === undefined) this.badDelimiter = options.delimiter;
      else this.useDelimiter(delimiter);
    }
  }

  /** Data rows completed so far (not the header, not empty lines). */
  get rowCount(): number {
    return this.rows;
  }

  /** The next piece of the file: bytes (UTF-8) or text. */
  push(chunk: Uint8Array | string): void {
    if (this.badDelimiter !== undefined) return;
    this.read(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
  }

  finish(): CsvOutcome {
    if (this.badDelimiter !== undefined) return this.fail(`the delimiter ${JSON.stringify(this.badDelimiter)} is not one character or "tab"`);
    this.read(this.decoder.decode());
    if (this.sniffer) this.settleDelimiter();
    switch (this.state) {
      case QUOTED: {
        const start = this.partial.length > 24 ? `${this.partial.slice(0, 24)}…` : this.partial;
        const where = this.headerCells ? 'the header' : `record ${this.rows + 1}`;
        return this.fail(`malformed CSV (${where}: the quoted field starting "${start}" is never closed)`);
      }
      case UNQUOTED:
      case AFTER_QUOTE:
        this.endRecord(this.takePartial());
        break;
      case FIELD_START:
        // "a,b," at the very end: the row's last field is empty.
        if (this.field > 0) this.endRecord('');
        break;
    }
    return { ok: true, rows: new CsvRecords(this.names, this.columns, this.rows, this.delimiter) };
  }

  private fail(message: string): CsvOutcome {
    return { ok: false, error: loadError('parse', this.origin, message) };
  }

  private read(text: string): void {
    if (text.length === 0) return;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.sniffer) {
      this.held += text;
      if (!this.sniffer.feed(text)) return;
      this.settleDelimiter();
      return;
    }
    this.scan(text);
  }

  private settleDelimiter(): void {
    this.useDelimiter(this.sniffer!.delimiter);
    this.sniffer = undefined;
    const held = this.held;
    this.held = '';
    this.scan(held);
  }

  private useDelimiter(delimiter: string): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  private takePartial(): string {
    const text = this.partial;
    this.partial = '';
    return text;
  }

  /** Cuts the text into fields and records; what a field has when the text ends waits in `partial`. */
  private scan(text: string): void {
    const length = text.length;
    const delimiter = this.delimiterCode;
    let state = this.state;
    let i = 0;
    while (i < length) {
      switch (state) {
        case AFTER_CR:
          if (text.charCodeAt(i) === LF) i++;
          state = FIELD_START;
          break;
        case FIELD_START:
          if (text.charCodeAt(i) === QUOTE) {
            i++;
            state = QUOTED;
          } else {
            state = UNQUOTED;
          }
          break;
        case UNQUOTED: {
          let end = i;
          let code = 0;
          while (end < length && (code = text.charCodeAt(end)) !== delimiter && code !== LF && code !== CR) end++;
          if (end === length) {
            this.partial += text.slice(i);
            state = UNQUOTED;
            i = length;
            break;
          }
          const cell = this.partial === '' ? text.slice(i, end) : this.takePartial() + text.slice(i, end);
          i = end + 1;
          state = this.endField(cell, code);
          break;
        }
        case QUOTED: {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            this.partial += text.slice(i);
            i = length;
            break;
          }
          this.partial += text.slice(i, quote);
          i = quote + 1;
          state = AFTER_QUOTE;
          break;
        }
        case AFTER_QUOTE: {
          const code = text.charCodeAt(i);
          if (code === QUOTE) {
            this.partial += '"';
            i++;
            state = QUOTED;
          } else if (code === delimiter || code === LF || code === CR) {
            i++;
            state = this.endField(this.takePartial(), code);
          } else {
            // Text after the closing quote ("5" tall) is kept, as spreadsheets keep it.
            state = UNQUOTED;
          }
          break;
        }
      }
    }
    this.state = state;
  }

  /** Ends a field at `code` (a delimiter or a line end) and says where the scanner stands next. */
  private endField(cell: string, code: number): ScanState {
    if (code === this.delimiterCode) {
      this.addField(cell);
      return FIELD_START;
    }
    this.endRecord(cell);
    return code === CR ? AFTER_CR : FIELD_START;
  }

  private addField(cell: string): void {
    const field = this.field++;
    if (this.headerCells) {
      this.headerCells.push(cell);
      return;
    }
    if (field >= this.width) return;
    const column = this.slots[field];
    if (column < 0) return;
    const last = this.lastCells[column];
    // The same text as the row before is stored as the same string: less memory, and readers compare by identity first.
    this.columns[column].push(cell === last ? last : (this.lastCells[column] = cell));
  }

  private endRecord(lastCell: string): void {
    if (this.field === 0 && lastCell === '') return; // an empty line
    this.addField(lastCell);
    if (this.headerCells) {
      const { names, slots } = columnsOfHeader(this.headerCells);
      this.headerCells = undefined;
      this.names = names;
      this.width = slots.length;
      this.slots = slots;
      this.columns = names.map(() => []);
      this.lastCells = names.map(() => '');
    } else {
      for (let field = this.field; field < this.width; field++) {
        const column = this.slots[field];
        if (column >= 0) this.columns[column].push('');
      }
      this.rows++;
    }
    this.field = 0;
  }
}
