/**
 * Keeps the x-axis labels of a drawing whole and apart.
 *
 * A label is centred under the point or bar it names, so the first and last
 * ones can reach past the SVG's edge on a narrow chart ("Dec 2024" under the
 * last point of a 320 px trend) and get cut. Elements space their labels by an
 * estimate of text width, but the real width depends on the font the page
 * gives the element, which only the browser knows. So the labels are measured
 * after rendering: an end label is moved back inside with `dx` (its `x` still
 * says which point it belongs to), and a label that would then touch its
 * neighbour is hidden, keeping the last one, the way chart libraries skip
 * ticks that do not fit.
 *
 * Called after every render; a render that moved no label (a hover) costs no
 * layout: each label remembers the position and text it was measured at.
 */
const measuredAt = new WeakMap<SVGTextElement, string>();
/** Least space between two labels on one line, in px. */
const LABEL_GAP = 6;

export function keepAxisLabelsInside(root: ParentNode): void {
  for (const drawing of root.querySelectorAll('svg')) {
    const labels = [...drawing.querySelectorAll<SVGTextElement>('[part~="x-axis"] text')];
    const where = (label: SVGTextElement) => `${label.getAttribute('x')}|${label.getAttribute('y')}|${label.textContent}|${drawing.getAttribute('width')}`;
    if (labels.every((label) => measuredAt.get(label) === where(label))) continue;
    // Reset all, then measure all, then write: one layout, not one per label.
    for (const label of labels) {
      label.removeAttribute('dx');
      label.removeAttribute('visibility');
    }
    const edges = drawing.getBoundingClientRect();
    if (edges.width === 0) continue;
    const placed = labels.map((label) => {
      const box = label.getBoundingClientRect();
      const shift = box.width === 0 ? 0 : box.left < edges.left ? edges.left - box.left : box.right > edges.right ? edges.right - box.right : 0;
      return { label, line: label.getAttribute('y'), left: box.left + shift, right: box.right + shift, shift, hidden: false };
    });
    // From the right: a label is kept when it ends before the last kept one on its line starts.
    const keptLeftOfLine = new Map<string | null, number>();
    for (let i = placed.length - 1; i >= 0; i--) {
      const at = placed[i];
      const limit = keptLeftOfLine.get(at.line);
      if (limit !== undefined && at.right + LABEL_GAP > limit) at.hidden = true;
      else keptLeftOfLine.set(at.line, at.left);
    }
    for (const { label, shift, hidden } of placed) {
      if (shift !== 0) label.setAttribute('dx', shift.toFixed(1));
      if (hidden) label.setAttribute('visibility', 'hidden');
      measuredAt.set(label, where(label));
    }
  }
}
