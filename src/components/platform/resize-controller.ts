/**
 * The content-box size of an element, kept current with a ResizeObserver
 * (after Lit's labs ResizeController). A chart reads `width`/`height` in
 * render; while the element is hidden (display:none, a closed tab) the size is
 * 0 and `hasSize` is false, and the observer re-renders it the moment it
 * becomes visible.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** True once the element has a width to draw in. */
  get hasSize(): boolean {
    return this.width > 0;
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      if (width === this.width && height === this.height) return;
      this.width = width;
      this.height = height;
      // Render in the next frame, not inside the observer callback: a render that changes the
      // element's size from within the callback makes the browser report a ResizeObserver loop.
      if (!this.frame) {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.host.requestUpdate();
        });
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
