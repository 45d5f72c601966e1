import { css } from 'lit';

export const gaugeStyles = css`
  :host {
    min-width: 10rem;
    padding: var(--rk-gauge-padding, 0.75rem);
    border-radius: var(--_radius);
  }

  .gauge {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.5rem 1rem;
  }

  .dial {
    position: relative;
    flex: none;
  }

  svg {
    display: block;
    overflow: visible;
  }

  .track {
    fill: var(--rk-gauge-track, var(--_surface));
  }

  .value-arc {
    fill: var(--rk-gauge-fill, var(--_accent));
  }

  .band-good {
    fill: var(--_good);
  }

  .band-warn {
    fill: var(--_warn);
  }

  .band-bad {
    fill: var(--_bad);
  }

  .previous {
    stroke: var(--_text);
    stroke-width: 2;
  }

  /* The kept share (1 − churn) on the band ring: what the verdict judges. */
  .kept {
    stroke: var(--_text);
    stroke-width: 3;
    stroke-linecap: round;
  }

  .center {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    text-align: center;
    pointer-events: none;
  }

  .figures {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 8rem;
  }

  [part~='value'] {
    font-size: var(--rk-gauge-value-size, 1.75em);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }

  [part~='label'],
  [part~='churn'],
  [part~='reactivated'],
  [part~='window'] {
    color: var(--_muted);
  }

  [part~='delta'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  [part~='delta'].good {
    color: var(--_good);
  }

  [part~='delta'].bad {
    color: var(--_bad);
  }

  [part~='band'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }

  [part~='band']::before {
    content: '';
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: currentColor;
  }

  [part~='band'].good {
    color: var(--_good);
  }

  [part~='band'].warn {
    color: var(--_warn);
  }

  [part~='band'].bad {
    color: var(--_bad);
  }
`;
