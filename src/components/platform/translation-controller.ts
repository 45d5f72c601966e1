/**
 * Re-renders an element when a language is registered after it has drawn: a
 * page may load dist/translations/nb.js after the kit, and Lit would otherwise
 * keep the English text until something else changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onTranslationsChange } from './translations.ts';

export class TranslationController implements ReactiveController {
  #unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe ??= onTranslationsChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
