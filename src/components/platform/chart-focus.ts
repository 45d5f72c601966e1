/**
 * The one interaction model of every chart: a focusable chart box whose
 * arrow keys move an active mark (a period, a bar, a cell, a row), a pointer
 * that makes the mark under it active, Enter/Space to choose it, Escape to let
 * go, and a polite live region that reads the active mark to screen readers.
 *
 * Elements used to write this eight times. Now an element says only what a
 * position is and how keys move it; the controller keeps the state and asks the
 * host to update when, and only when, the active mark changes (a pointer move
 * within the same mark costs nothing).
 *
 *   #focus = new ChartFocusController(this, {
 *     first: () => (this.result ? lastIndex(this.result.points) : null),
 *     move: (index, event) => indexMove(index, event, this.result!.points.length),
 *     positionAt: (event) => this.#indexUnder(event),
 *     isValid: (index) => index < (this.result?.points.length ?? 0),
 *     describe: (index) => this.#describe(index),
 *   });
 *   html`<div part="chart" tabindex="0" ${…} @keydown=${this.#focus.onKeydown} …>`
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface ChartFocusOptions<P> {
  /** Where keyboard focus lands when nothing is active yet; null when there is nothing to focus. */
  first(): P | null;
  /** The position a key moves to from `current`; undefined when the key is not a move. */
  move(current: P, event: KeyboardEvent): P | undefined;
  /** The position under the pointer, or null (between marks, outside the plot). */
  positionAt?(event: PointerEvent): P | null;
  /** Whether a remembered position still exists in the data now shown (data can change under it). */
  isValid(position: P): boolean;
  /** Enter or Space on the active position (a selection event, opening a group). */
  choose?(position: P): void;
  /** The active position in one sentence, for the live region. */
  describe(position: P): string;
  /** Position equality; `===` unless given (a cell is an object). */
  equals?(a: P, b: P): boolean;
}

export class ChartFocusController<P> implements ReactiveController {
  #active: P | null = null;
  #focused = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ChartFocusOptions<P>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The active position, if it still exists in the data shown; null otherwise. */
  get active(): P | null {
    return this.#active !== null && this.options.isValid(this.#active) ? this.#active : null;
  }

  /** True while the keyboard focus is in the chart box (draw a focus ring then, not on hover). */
  get focused(): boolean {
    return this.#focused;
  }

  /** Makes `position` active (null: none), updating the host only when that changes something. */
  set(position: P | null): void {
    const same =
      position === null || this.#active === null ? position === this.#active : (this.options.equals ?? Object.is)(position, this.#active);
    if (same) return;
    this.#active = position;
    this.host.requestUpdate();
  }

  onFocus = (): void => {
    this.#focused = true;
    this.host.requestUpdate();
    if (this.active === null) this.set(this.options.first());
  };

  onBlur = (): void => {
    this.#focused = false;
    this.#active = null;
    this.host.requestUpdate();
  };

  onKeydown = (event: KeyboardEvent): void => {
    const current = this.active ?? this.options.first();
    if (current === null) return;
    if (event.key === 'Escape') {
      this.set(null);
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.options.choose) {
      event.preventDefault();
      this.set(current);
      this.options.choose(current);
      return;
    }
    const next = this.options.move(current, event);
    if (next === undefined) return;
    // The page must not scroll under a chart that used the key.
    event.preventDefault();
    this.set(next);
  };

  onPointerMove = (event: PointerEvent): void => {
    const position = this.options.positionAt?.(event);
    if (position !== undefined && position !== null) this.set(position);
  };

  onPointerLeave = (): void => {
    // A keyboard user's position stays when the mouse wanders off.
    if (!this.#focused) this.set(null);
  };

  /** The polite live region; it speaks only while the keyboard is in the chart. */
  announcement(): TemplateResult {
    const active = this.#focused ? this.active : null;
    return html`<div class="visually-hidden" role="status" aria-live="polite">${active === null ? '' : this.options.describe(active)}</div>`;
  }
}

/**
 * Keys over a row of `count` marks. Along x (periods left to right): ← ↓ back,
 * → ↑ forward. Along y (a list read top down): ↑ ← back, ↓ → forward. Home/End
 * go to the ends, PageUp/PageDown a tenth of the way. Undefined for other keys.
 */
export function indexMove(current: number, event: KeyboardEvent, count: number, along: 'x' | 'y' = 'x'): number | undefined {
  const page = Math.max(1, Math.round(count / 10));
  const forward = along === 'x' ? ['ArrowRight', 'ArrowUp'] : ['ArrowDown', 'ArrowRight'];
  const back = along === 'x' ? ['ArrowLeft', 'ArrowDown'] : ['ArrowUp', 'ArrowLeft'];
  const target: Record<string, number> = {
    [back[0]]: current - 1,
    [back[1]]: current - 1,
    [forward[0]]: current + 1,
    [forward[1]]: current + 1,
    [along === 'x' ? 'PageDown' : 'PageUp']: current - page,
    [along === 'x' ? 'PageUp' : 'PageDown']: current + page,
    Home: 0,
    End: count - 1,
  };
  const next = target[event.key];
  return next === undefined || count === 0 ? undefined : Math.max(0, Math.min(count - 1, next));
}
