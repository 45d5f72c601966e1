/**
 * Where a page without a build step loads the kit from: the npm package's files as
 * jsDelivr serves them (`/npm/<name>@<version>/<path>`; unpkg takes the same path after
 * its host). The version is the package's own (KIT_VERSION, stamped from package.json
 * at build time), so a copied snippet keeps working when a later version changes the
 * markup; sources served unbuilt (the tests) have no version and name the latest.
 */
import { KIT_VERSION } from '../../src/components/platform/define.ts';

export const CDN_HOST = 'https://cdn.jsdelivr.net';
export const PACKAGE_NAME = 'retention-kit';

const released = KIT_VERSION !== '0.0.0-dev';

/** The package folder on the CDN, pinned to this version where it has one. */
export const CDN_PACKAGE = `${CDN_HOST}/npm/${PACKAGE_NAME}${released ? `@${KIT_VERSION}` : ''}`;

/** A file of the built package (`retention-kit.iife.js`, `translations/nb.js` …) on the CDN. */
export function cdnFile(file: string): string {
  return `${CDN_PACKAGE}/dist/${file}`;
}

/**
 * Points every `<script data-cdn-file="…">` inside the given templates at that file on the
 * CDN, before the templates are shown as snippets: the page's markup names the file once,
 * this module the CDN and the version.
 */
export function pointScriptsAtCdn(root: ParentNode = document): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template')) {
    for (const script of template.content.querySelectorAll<HTMLScriptElement>('script[data-cdn-file]')) {
      script.setAttribute('src', cdnFile(script.dataset.cdnFile!));
      script.removeAttribute('data-cdn-file');
    }
  }
}
