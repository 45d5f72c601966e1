/**
 * Kit-wide design tokens and the base styles of every element. Pages theme
 * through `--rk-*` custom properties; each element reads private `--_*`
 * copies that fall back to the kit defaults.
 *
 * Light or dark follows the page, not the visitor's system: every default is
 * written `light-dark(light, dark)`, which resolves by the element's used
 * `color-scheme`, and `color-scheme` is inherited, so an element shows what its
 * page declares (light unless the page says `dark`; with `light dark` the page
 * and the element follow the system together). `theme="auto"` follows the
 * system whatever the page says, `theme="light"` / `theme="dark"` force one.
 * A page's `--rk-color-*` may itself be `light-dark(…, …)`.
 * The default colours keep text at WCAG AA contrast in both schemes.
 */
import { css, unsafeCSS } from 'lit';

/** Each private token: the public property that overrides it, its light default and its dark default. */
const COLOR_TOKENS: readonly [token: string, property: string, light: string, dark: string][] = [
  ['accent', 'accent', '#1d4ed8', '#60a5fa'],
  ['text', 'text', '#111827', '#f3f4f6'],
  ['muted', 'muted', '#4b5563', '#a1a1aa'],
  ['background', 'background', '#ffffff', '#111827'],
  ['surface', 'surface', '#f3f4f6', '#1f2937'],
  ['grid', 'grid', '#d1d5db', '#374151'],
  ['good', 'good', '#15803d', '#4ade80'],
  ['bad', 'bad', '#b91c1c', '#f87171'],
  ['warn', 'warning', '#a16207', '#facc15'],
  ['series-1', 'series-1', '#1d4ed8', '#60a5fa'],
  ['series-2', 'series-2', '#c2410c', '#fb923c'],
  ['series-3', 'series-3', '#047857', '#34d399'],
  ['series-4', 'series-4', '#7e22ce', '#c084fc'],
  ['series-5', 'series-5', '#be185d', '#f472b6'],
  ['series-6', 'series-6', '#0e7490', '#22d3ee'],
  ['series-7', 'series-7', '#4d7c0f', '#a3e635'],
  ['series-8', 'series-8', '#57534e', '#d6d3d1'],
];

/** The colour tokens, each default picked by the used colour scheme. */
const schemeTokens = unsafeCSS(COLOR_TOKENS.map(([token, property, light, dark]) => `--_${token}: var(--rk-color-${property}, light-dark(${light}, ${dark}));`).join('\n'));

/** Browsers without light-dark() (before 2024) get the light defaults rather than no colours. */
const lightTokens = unsafeCSS(COLOR_TOKENS.map(([token, property, light]) => `--_${token}: var(--rk-color-${property}, ${light});`).join('\n'));

export const platformStyles = css`
  :host {
    ${schemeTokens}
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
    /* No color-scheme of its own: it inherits the page's (see the top of this file). */
    color: var(--_text);
    background: var(--_background);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.4;
  }

  @supports not (color: light-dark(#fff, #000)) {
    :host {
      ${lightTokens}
    }
  }

  /* theme="auto": the system's setting, whatever the page declares. */
  :host([theme='auto']) {
    color-scheme: light dark;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
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
    /* Its table can hold thousands of rows: laying them out must not touch the page around it. */
    contain: strict;
  }

  /* Column widths from the first row, not from every cell of a table of thousands. */
  .visually-hidden table {
    table-layout: fixed;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The title and the subtitle above every chart (RetentionElement.renderHeader). */
  [part~='header'] {
    margin: 0 0 0.6em;
    min-width: 0;
  }

  [part~='title'] {
    margin: 0;
    font-size: var(--rk-title-size, 1.05em);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  [part~='subtitle'] {
    margin: 0.1em 0 0;
    color: var(--_muted);
    font-size: 0.9em;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }

  /* The header with the export menu (export-menu.ts): the title on the left, the menu on the right. */
  .header.with-menu {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }

  .header.with-menu .heading {
    flex: 1 1 auto;
    min-width: 0;
  }

  [part~='export-menu'] {
    position: relative;
    flex: none;
    margin-inline-start: auto;
  }

  [part~='export-menu-button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.2em 0.55em;
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    font-size: 0.85em;
    line-height: 1.4;
    cursor: pointer;
  }

  [part~='export-menu-button']:hover,
  [part~='export-menu-button'][aria-expanded='true'] {
    background: var(--_surface);
  }

  [part~='export-menu-button'] svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  [part~='export-menu-list'] {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 0.25em);
    z-index: 2;
    min-width: 10em;
    margin: 0;
    padding: 0.25em 0;
    list-style: none;
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    background: var(--_background);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  }

  [part~='export-menu-list'][hidden] {
    display: none;
  }

  [part~='export-menu-item'] {
    padding: 0.35em 0.8em;
    font-size: 0.9em;
    white-space: nowrap;
    cursor: pointer;
  }

  [part~='export-menu-item']:hover,
  [part~='export-menu-item']:focus {
    background: var(--_surface);
    outline: none;
  }

  [part~='export-menu-item']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  [part~='export-menu-error'] {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 0.25em);
    z-index: 2;
    width: max-content;
    max-width: 16em;
    padding: 0.35em 0.6em;
    border-left: 3px solid var(--_bad);
    background: var(--_surface);
    font-size: 0.85em;
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

  /* chartTooltip's notes ("period not over yet") on lines of their own. */
  [part~='tooltip'] .note {
    display: block;
    color: var(--_muted);
    font-style: italic;
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
