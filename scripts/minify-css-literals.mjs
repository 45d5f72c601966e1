// Shrinks the CSS inside Lit's css`…` literals of the *.styles.ts modules before they
// are bundled: comments go, and white space that spans a line break (never inside a
// CSS string, which cannot hold a raw line break) becomes one space or nothing next
// to punctuation. The CSS means exactly the same; the bytes are what a page pays for.
// Used by the library build (vite.lib.config.ts) and the size report alike, so the
// report measures what ships.

/** The body of every css`…` literal in `code`, minified; `${…}` expressions are left as written. */
export function minifyCssLiterals(code) {
  return code.replace(/\bcss`([^`]*)`/g, (_, body) => {
    const parts = body.split(/(\$\{[^}]*\})/);
    return `css\`${parts.map((part, i) => (i % 2 ? part : minifyCss(part))).join('').trim()}\``;
  });
}

/** CSS text without comments and needless white space; quoted strings are kept as they are. */
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/("[^"\n]*"|'[^'\n]*')|\s*([{};>])\s*/g, (match, quoted, punctuation) => quoted ?? punctuation)
    .replace(/;}/g, '}');
}

/** Modules whose css`…` literals are minified. */
export const STYLE_MODULE = /\.styles\.ts$/;
