/**
 * Export of what an element shows, made in the page: its data tables as CSV
 * (export-csv.ts), its picture as SVG and PNG (export-picture.ts), and saving
 * a file through a blob: URL and an `<a download>` click. Nothing is sent
 * anywhere: no request, no server-side renderer (unlike Highcharts' default
 * exporting server; like its offline exporting and ECharts' saveAsImage).
 *
 * RetentionElement's toCSV(), toSVG(), toPNG() and download() call these.
 *
 * The picture code (export-picture.ts, the largest part) loads on the first
 * SVG or PNG: most pages never export a picture, and every element carries
 * this module. Bundles that do not split (the single-file builds) inline it.
 */
import { shownTables } from './data-table.ts';
import { tablesToCsv, type CsvOptions } from './export-csv.ts';
import type { Picture, PictureTitle } from './export-picture.ts';
import { ExportError, type ExportFormat } from './export-menu.ts';
import type { Formatter } from './locale.ts';

export type { CsvOptions } from './export-csv.ts';

export interface PngOptions {
  /** Device pixels per CSS pixel: default the screen's, at least 2 (sharp when printed or zoomed). */
  scale?: number;
}

/** What an export reads from its element. */
export interface ExportSubject {
  /** The element's tag, for messages. */
  tag: string;
  host: HTMLElement;
  /** The element's shadow root (where its part="base" and tables are). */
  root: ParentNode;
  /** Title and scope as the element names what it shows. */
  heading: PictureTitle;
  format: Formatter;
  ready: boolean;
}

function requireReady(subject: ExportSubject): void {
  if (!subject.ready) throw new ExportError('not-ready', `<${subject.tag}> has nothing to export yet: it has no result (wait for metric-change or status "ready").`);
}

export function csvOf(subject: ExportSubject, options?: CsvOptions): string {
  requireReady(subject);
  const f = subject.format;
  return tablesToCsv(
    shownTables(subject.root),
    { ...subject.heading, locale: f.locale, currency: f.currencyCode, pointsWord: f.term('percentagePoints') },
    options,
  );
}

const pictureCode = () => import('./export-picture.ts');

export async function pictureOf(subject: ExportSubject): Promise<Picture> {
  requireReady(subject);
  const base = subject.root.querySelector<HTMLElement>('[part~="base"]');
  const box = base?.getBoundingClientRect();
  if (!base || !box || box.width === 0 || box.height === 0)
    throw new ExportError('not-drawn', `<${subject.tag}> is not drawn (hidden, or not in the page): there is no picture to export.`);
  const { drawPicture } = await pictureCode();
  return drawPicture(subject.host, base, subject.heading);
}

export async function pngOf(subject: ExportSubject, options: PngOptions = {}): Promise<Blob> {
  const scale = options.scale ?? Math.max(2, globalThis.devicePixelRatio || 1);
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`scale takes a number above 0 and up to 8, not ${options.scale}.`);
  const picture = await pictureOf(subject);
  const { pictureToPng } = await pictureCode();
  try {
    return await pictureToPng(picture, scale);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ExportError(message.includes('img-src') ? 'image-blocked' : 'image-failed', message);
  }
}

/** Makes the file of `format` and saves it under a name from the title and scope. */
export async function downloadExport(subject: ExportSubject, format: ExportFormat): Promise<void> {
  let blob: Blob;
  if (format === 'csv')
    // The byte order mark tells spreadsheet programs the file is UTF-8 (Excel reads "Ø" and "客户" wrong without it).
    blob = new Blob(['\uFEFF', csvOf(subject)], { type: 'text/csv;charset=utf-8' });
  else if (format === 'svg') blob = new Blob([(await pictureOf(subject)).svg], { type: 'image/svg+xml' });
  else blob = await pngOf(subject);
  saveFile(blob, exportFileName(subject.heading, format));
}

/**
 * A file name from the title and scope: "customer-churn-by-period-monthly-jan-2024-dec-2024.csv".
 * Letters of any script stay; what file systems refuse (/ \ : * ? " < > |, control characters) goes.
 */
export function exportFileName(heading: PictureTitle, extension: string): string {
  const words = `${heading.title} ${heading.scope}`
    .toLocaleLowerCase()
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    // Thousands separators inside a number ("2,862 customers") are not word breaks.
    .replace(/(\d)[,\u00a0\u202f](?=\d{3}(?!\d))/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let name = '';
  for (const word of words) {
    if (`${name}-${word}`.length > 100) break;
    name = name ? `${name}-${word}` : word;
  }
  return `${name || 'chart'}.${extension}`;
}

/** Saves a file the way the page's own links would: a blob: URL and a click on `<a download>`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // The download has started from the URL by the next task; a minute is generous for a slow disk prompt.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
