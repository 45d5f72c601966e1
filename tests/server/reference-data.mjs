/**
 * Serves the element reference's content to the tests, as the demo server does
 * (vite.config.ts): `/demo/reference/data.json`, made from custom-elements.json and the
 * elements' English terms by scripts/reference-docs.mjs on each request.
 */
import { referenceDocs } from '../../scripts/reference-docs.mjs';

export function referenceDataPlugin(root = process.cwd()) {
  return {
    name: 'retention-kit-reference-data',
    serve(context) {
      if (context.path !== '/demo/reference/data.json') return undefined;
      return { body: JSON.stringify(referenceDocs(root)), type: 'json', headers: { 'cache-control': 'no-store' } };
    },
  };
}
