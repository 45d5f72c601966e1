/**
 * Layout of the NPS split bar, pure: the three groups side by side in the
 * order people read an NPS (detractors, passives, promoters: the score is
 * the right end minus the left end), each as wide as its share.
 */
export type NpsGroupName = 'detractors' | 'passives' | 'promoters';

export interface SplitSegment {
  group: NpsGroupName;
  count: number;
  share: number;
  /** Left edge and width in px. */
  x: number;
  width: number;
}

export const SPLIT_ORDER: readonly NpsGroupName[] = ['detractors', 'passives', 'promoters'];

/**
 * Segments over `width` px. Shares come from the counts; edges are rounded
 * to whole pixels from the running total, so segments meet exactly and the
 * last ends at `width`. Empty groups get no width.
 */
export function splitSegments(counts: Record<NpsGroupName, number>, width: number): SplitSegment[] {
  const total = SPLIT_ORDER.reduce((sum, group) => sum + counts[group], 0);
  if (!(total > 0) || !(width > 0)) return [];
  let running = 0;
  return SPLIT_ORDER.map((group) => {
    const from = Math.round((running / total) * width);
    running += counts[group];
    const to = Math.round((running / total) * width);
    return { group, count: counts[group], share: counts[group] / total, x: from, width: to - from };
  });
}

/**
 * How far one more response of either extreme moves the score, in points:
 * the reason a small sample is shaky. Adding a promoter to n responses moves
 * the score by (100 − score) / (n + 1); a detractor by (100 + score) / (n + 1).
 */
export function swingOfOneResponse(score: number, responses: number): number {
  return Math.max(100 - score, 100 + score) / (responses + 1);
}
