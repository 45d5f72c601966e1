/**
 * Kit-wide design tokens and the base styles of every element. Pages theme
 * through `--rk-*` custom properties; each element reads private `--_*`
 * copies that fall back to the kit defaults, and dark mode swaps the defaults
 * (prefers-color-scheme, or `theme="dark"` / `theme="light"` to force one).
 * The default colours keep text at WCAG AA contrast in both schemes.
 */
import { css } from 'lit';

/** The dark defaults, used for prefers-color-scheme and for theme="dark" alike. */
const darkTokens = css`
  --_accent: var(--rk-color-accent, #60a5fa);
  --_text: var(--rk-color-text, #f3f4f6);
  --_muted: var(--rk-color-muted, #a1a1aa);
  --_background: var(--rk-color-background, #111827);
  --_surface: var(--rk-color-surface, #1f2937);
  --_grid: var(--rk-color-grid, #374151);
  --_good: var(--rk-color-good, #4ade80);
  --_bad: var(--rk-color-bad, #f87171);
  --_warn: var(--rk-color-warning, #facc15);
  --_series-1: var(--rk-color-series-1, #60a5fa);
  --_series-2: var(--rk-color-series-2, #fb923c);
  --_series-3: var(--rk-color-series-3, #34d399);
  --_series-4: var(--rk-color-series-4, #c084fc);
  --_series-5: var(--rk-color-series-5, #f472b6);
  --_series-6: var(--rk-color-series-6, #22d3ee);
  --_series-7: var(--rk-color-series-7, #a3e635);
  --_series-8: var(--rk-color-series-8, #d6d3d1);
  color-scheme: dark;
`;

export const platformStyles = css`
  :host {
    --_accent: var(--rk-color-accent, #1d4ed8);
    --_text: var(--rk-color-text, #111827);
    --_muted: var(--rk-color-muted, #4b5563);
    --_background: var(--rk-color-background, #ffffff);
    --_surface: var(--rk-color-surface, #f3f4f6);
    --_grid: var(--rk-color-grid, #d1d5db);
    --_good: var(--rk-color-good, #15803d);
    --_bad: var(--rk-color-bad, #b91c1c);
    --_warn: var(--rk-color-warning, #a16207);
    --_series-1: var(--rk-color-series-1, #1d4ed8);
    --_series-2: var(--rk-color-series-2, #c2410c);
    --_series-3: var(--rk-color-series-3, #047857);
    --_series-4: var(--rk-color-series-4, #7e22ce);
    --_series-5: var(--rk-color-series-5, #be185d);
    --_series-6: var(--rk-color-series-6, #0e7490);
    --_series-7: var(--rk-color-series-7, #4d7c0f);
    --_series-8: var(--rk-color-series-8, #57534e);
    --_font-family: var(--rk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_font-size: var(--rk-font-size, 0.875rem);
    --_radius: var(--rk-radius, 0.5rem);
    --_focus: var(--rk-color-focus, var(--_accent));

    display: block;
    box-sizing: border-box;
    /*
     * Drawings fit their width and have none of their own, so in a box that
     * shrinks to its content (a flex row, an inline-block, a float) an element
     * would collapse to its padding: keep a readable width there, never wider
     * than the box. A page's own min-width on the element wins. Where the
     * box's width is not known (an inline-block, a float) the element says it
     * is 16rem wide: inline-size containment makes its width independent of
     * what it draws, which is what lets it redraw to fit.
     */
    min-inline-size: min(100%, 16rem);
    contain: inline-size;
    contain-intrinsic-inline-size: 16rem;
    color-scheme: light;
    color: var(--_text);
    background: var(--_background);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.4;
  }

  :host([hidden]) {
    display: none;
  }

  /* Dark defaults: by the user's setting unless the page forces light; always with theme="dark". */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  /*
   * Inherited text styles of the page (a CMS theme's uppercase, letter
   * spacing, 30px Comic Sans) reach into shadow DOM through the host: stop
   * them at the element's own wrapper, which sets every inherited text property.
   */
  [part~='base'] {
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  [part~='status'] {
    color: var(--_muted);
    padding: 0.5em 0;
  }

  [part~='message'] {
    color: var(--_text);
    border-left: 3px solid var(--_bad);
    background: var(--_surface);
    padding: 0.5em 0.75em;
    border-radius: 0 var(--_radius) var(--_radius) 0;
    overflow-wrap: anywhere;
  }

  [part~='message'] ul {
    margin: 0.25em 0 0;
    padding-left: 1.25em;
  }

  [part~='notice'] {
    color: var(--_muted);
    font-size: 0.9em;
    margin-top: 0.5em;
  }

  [part~='notice'] summary,
  [part~='message-details'] summary {
    cursor: pointer;
  }

  [part~='message-details'] {
    margin-top: 0.25em;
    font-size: 0.9em;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0s !important;
      transition-duration: 0s !important;
    }
  }
`;

/**
 * The floating tooltip of the charts (part="tooltip"): one look for every
 * element, themed by the same tokens. Elements place it; its rows are a <dl>.
 */
export const tooltipStyles = css`
  [part~='tooltip'] {
    position: absolute;
    z-index: 1;
    pointer-events: none;
    min-width: 9em;
    max-width: 18em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    font-size: 0.85em;
    line-height: 1.35;
  }

  [part~='tooltip'] strong {
    display: block;
  }

  [part~='tooltip'] dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 0.75em;
    margin: 0.2em 0 0;
  }

  [part~='tooltip'] dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;

/**
 * The plot box and SVG basics every cartesian chart shares (the churn trend,
 * retention curves, revenue movements, the purchase cycle): a focusable
 * `.chart` box whose height a `height` attribute may fix, SVG text in the
 * kit's font, grid lines and muted axis labels. Elements add their sizes.
 */
export const chartStyles = css`
  /* A height attribute sets the box's height (inline, through the CSSOM) instead of the ratio. */
  .chart.fixed-height {
    aspect-ratio: auto;
    min-height: 0;
    max-height: none;
  }

  .chart:focus {
    outline: none;
  }

  .chart:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  svg {
    display: block;
    overflow: visible;
    font-family: var(--_font-family);
    font-size: 11px;
  }

  [part~='grid-line'] {
    stroke: var(--_grid);
    shape-rendering: crispEdges;
  }

  [part~='axis'] text {
    fill: var(--_muted);
  }
`;
