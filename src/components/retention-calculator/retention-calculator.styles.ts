import { css } from 'lit';

/**
 * Styles of <retention-calculator>: the form and the results side by side
 * when the container is wide enough, stacked otherwise (container queries,
 * so a narrow sidebar gets the stacked layout on a wide screen too).
 */
export const calculatorStyles = css`
  :host {
    container-type: inline-size;
    padding: var(--rk-calculator-padding, 0.75rem);
    border-radius: var(--_radius);
  }

  .layout {
    display: grid;
    gap: 1rem;
  }

  @container (min-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }

  form {
    display: grid;
    gap: 0.75rem;
    margin: 0;
  }

  fieldset {
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }

  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }

  .field {
    display: grid;
    gap: 0.15rem;
  }

  label {
    color: var(--_text);
  }

  input {
    font: inherit;
    font-variant-numeric: tabular-nums;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--rk-calculator-input-border, var(--_muted));
    border-radius: calc(var(--_radius) / 2);
    padding: 0.3rem 0.5rem;
    width: 100%;
    max-width: 14rem;
  }

  input[aria-invalid='true'] {
    border-color: var(--_bad);
    border-width: 2px;
  }

  [part~='field-error'] {
    color: var(--_bad);
    font-size: 0.9em;
  }

  [part~='field-note'] {
    color: var(--_muted);
    font-size: 0.9em;
  }

  [part~='results'] {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='result'] {
    display: grid;
    gap: 0.1rem;
    padding: 0.5rem 0.75rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }

  .result-name {
    font-weight: 600;
  }

  [part~='value'] {
    font-size: var(--rk-calculator-value-size, 1.5em);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }

  [part~='value'].empty {
    color: var(--_muted);
  }

  [part~='value'].good {
    color: var(--_good);
  }

  [part~='formula'],
  [part~='result-note'] {
    color: var(--_muted);
    font-size: 0.9em;
  }

  h3 {
    font-size: 1em;
    margin: 0 0 0.5rem;
  }
`;
