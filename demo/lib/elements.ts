/// <reference types="vite/client" />
/**
 * Registers every element of the kit for the gallery pages: each element's
 * define.ts, found by pattern so a page never lists them by hand and a new
 * element shows up in the gallery as soon as it exists.
 */
const defined = import.meta.glob('../../src/components/*/define.ts', { eager: true });

/** Tags registered on this page (for the pages' status line and the screenshot script). */
export const definedModules = Object.keys(defined);
