/**
 * dist/retention-kit.autoloader.js: one classic script for a page (or a CMS post) that
 * loads only the elements it shows. It watches the document for the kit's tags and, the
 * first time one appears, imports that element's module from `elements/` beside itself
 * (dist/elements/<tag>.js, built by `vite --mode elements`); the modules share their
 * common code (Lit, d3, the platform), which the browser fetches once.
 *
 * A classic script, because CMS editors strip `type="module"`; a classic script may still
 * `import()` modules. It imports nothing itself, so it stays a few hundred bytes.
 * Elements inside another component's shadow root are not seen by the document's
 * observer: such pages load the element modules they need (README, Install).
 */

/** Every element tag of the kit (vite.lib.config.ts writes the list in at build time). */
declare const __RETENTION_KIT_ELEMENT_TAGS__: readonly string[];

/** Read while the script first runs: `document.currentScript` is unset afterwards. */
const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

if (!scriptUrl) {
  console.error('retention-kit: the autoloader was inlined into the page, so it cannot tell where the element modules are; load it with <script src="…/retention-kit.autoloader.js">');
} else {
  const elementsFolder = new URL('./elements/', scriptUrl);
  const waiting = new Set(__RETENTION_KIT_ELEMENT_TAGS__.filter((tag) => !customElements.get(tag)));

  const load = (tag: string) => {
    waiting.delete(tag);
    const url = new URL(`${tag}.js`, elementsFolder).href;
    import(/* @vite-ignore */ url).catch((error: unknown) => {
      // The page keeps working; the element stays as the browser shows an unknown tag.
      console.error(`retention-kit: <${tag}> could not be loaded from ${url}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  const loadTagsOnPage = () => {
    for (const tag of waiting) if (document.getElementsByTagName(tag).length > 0 && !customElements.get(tag)) load(tag);
    if (waiting.size === 0) observer.disconnect();
  };

  // Once per batch of changes: the parser adds a page's elements one by one.
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      loadTagsOnPage();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  loadTagsOnPage();
}
