/**
 * "The newest request wins", in one place: each `start()` aborts the run
 * before it and hands out a signal and a `current()` check, so an old answer
 * arriving late is dropped whatever it says. Elements use it for their
 * computation, `<retention-source>` for its download.
 */
export interface Run {
  readonly signal: AbortSignal;
  /** Whether this is still the newest run (not replaced, not stopped). */
  current(): boolean;
}

export class LatestRun {
  #abort?: AbortController;

  /** Starts a new run, stopping the one before. */
  start(): Run {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    return { signal: abort.signal, current: () => this.#abort === abort && !abort.signal.aborted };
  }

  /** Stops the current run (a disconnect, an input that went away). */
  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }
}
