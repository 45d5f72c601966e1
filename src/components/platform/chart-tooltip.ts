/**
 * The one tooltip of every chart: a title, optional notes, and name/value rows,
 * placed beside the mark it describes and kept inside both the element and the
 * viewport.
 *
 * Where it may go depends on its own rendered size (a long period name, a
 * translation, the page's font), so placement is measured, not guessed: the
 * template marks the anchor, and after each update `TooltipPlacement` reads
 * the tooltip's size once and writes its position through the CSSOM (which a
 * strict `style-src` allows; see cssom-style.ts). It prefers the right of the
 * anchor and above it, flips to the left or below when that side has no room,
 * and finally clamps into the space the element and the viewport share.
 *
 *   #tooltip = new TooltipPlacement(this);
 *   ${chartTooltip({ title, rows }, { x, y })}   // x, y in the chart box's pixels
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface TooltipContent {
  title: string;
  /** Short remarks under the title ("running period", "too few customers"). */
  notes?: readonly string[];
  /** Name and formatted value, one line each. */
  rows: readonly (readonly [string, string])[];
}

export interface TooltipAnchor {
  /** The mark's position in the pixels of the tooltip's positioned container (the chart box). */
  x: number;
  y: number;
}

/** Space between the anchor and the tooltip, in px. */
const OFFSET = 12;

export function chartTooltip(content: TooltipContent, anchor: TooltipAnchor): TemplateResult | typeof nothing {
  // An anchor that is not a number cannot be placed; showing nothing beats a tooltip at NaN px.
  if (!Number.isFinite(anchor.x) || !Number.isFinite(anchor.y)) return nothing;
  return html`<div part="tooltip" aria-hidden="true" data-anchor-x=${anchor.x} data-anchor-y=${anchor.y}>
    <strong>${content.title}</strong>
    ${content.notes?.map((note) => html`<span class="note">${note}</span>`)}
    <dl>
      ${content.rows.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}
    </dl>
  </div>`;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a `width` × `height` tooltip goes for an anchor at (`x`, `y`), all in
 * viewport pixels, inside `room` (the element's box within the viewport).
 * Exported for tests: it is the whole placement rule.
 */
export function placeTooltip(x: number, y: number, width: number, height: number, room: Box): { left: number; top: number } {
  let left = x + OFFSET;
  if (left + width > room.right) left = x - OFFSET - width;
  let top = y - OFFSET - height;
  if (top < room.top) top = y + OFFSET;
  // When neither side fits, stay in the room and keep its start edge in view.
  left = Math.max(room.left, Math.min(left, room.right - width));
  top = Math.max(room.top, Math.min(top, room.bottom - height));
  return { left, top };
}

export class TooltipPlacement implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    const tip = root?.querySelector<HTMLElement>('[part~="tooltip"][data-anchor-x]');
    const container = tip?.offsetParent;
    if (!tip || !container) return;
    const frame = container.getBoundingClientRect();
    const host = this.host.getBoundingClientRect();
    const viewport = document.documentElement;
    const room: Box = {
      left: Math.max(host.left, 0),
      top: Math.max(host.top, 0),
      right: Math.min(host.right, viewport.clientWidth),
      bottom: Math.min(host.bottom, viewport.clientHeight),
    };
    const anchorX = frame.left + Number(tip.dataset.anchorX);
    const anchorY = frame.top + Number(tip.dataset.anchorY);
    const { left, top } = placeTooltip(anchorX, anchorY, tip.offsetWidth, tip.offsetHeight, room);
    tip.style.setProperty('left', `${Math.round(left - frame.left)}px`);
    tip.style.setProperty('top', `${Math.round(top - frame.top)}px`);
  }
}
