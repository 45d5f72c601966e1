/**
 * The gallery's examples, as the visual tests mount them: every
 * `<template data-example>` of demo/index.html (so the tests look at exactly
 * the markup, attributes and sample files a visitor of the gallery sees, and
 * a new example is covered as soon as it is on the page), with the gallery's
 * `data/sample/…` URLs pointing at the same seeded files, generated here by
 * the demo's own generator and served as blob URLs.
 */
import { sampleFiles } from '../../demo/lib/sample-files.ts';

export interface GalleryExample {
  /** The example's section id in the gallery (its aria-labelledby), e.g. `heatmap-orders`. */
  id: string;
  /** The kit tags it uses, in order of appearance (retention-source included). */
  tags: string[];
  /** Its markup with every sample file's URL replaced by a blob URL of the same content. */
  markup: string;
}

const GALLERY_PAGE = '/demo/index.html';
const SAMPLE_URL = /\bdata\/sample\/[\w.-]+/g;

let sampleUrls: Map<string, string> | undefined;

/** One blob URL per sample file, made once per test page (the engine downloads and parses each once). */
function sampleFileUrls(): Map<string, string> {
  sampleUrls ??= new Map(sampleFiles().map((file) => [file.path, URL.createObjectURL(new Blob([file.body], { type: file.type }))]));
  return sampleUrls;
}

export async function galleryExamples(): Promise<GalleryExample[]> {
  const response = await fetch(GALLERY_PAGE);
  if (!response.ok) throw new Error(`${GALLERY_PAGE}: ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const urls = sampleFileUrls();
  return [...page.querySelectorAll<HTMLTemplateElement>('template[data-example]')].map((template, index) => {
    const section = template.closest('section');
    const id = section?.getAttribute('aria-labelledby') ?? `example-${index + 1}`;
    const tags = [...template.content.querySelectorAll('*')].map((node) => node.localName).filter((tag) => tag.includes('-'));
    const markup = template.innerHTML.replace(SAMPLE_URL, (path) => {
      const url = urls.get(path);
      if (!url) throw new Error(`gallery example ${id} uses ${path}, which demo/lib/sample-files.ts does not make`);
      return url;
    });
    return { id, tags: [...new Set(tags)], markup };
  });
}
