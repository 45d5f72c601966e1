// Types of scripts/reference-docs.mjs for the TypeScript that imports it (vite.config.ts, the tests).
import type { ReferenceDocs } from '../demo/lib/reference-page.ts';

export function referenceDocs(root?: string): ReferenceDocs;
export function missingDescriptions(docs: ReferenceDocs): string[];
export function englishTerms(file: string): ReferenceDocs['elements'][number]['terms'];
export function unitOf(name: string, description?: string, type?: string): string | undefined;
