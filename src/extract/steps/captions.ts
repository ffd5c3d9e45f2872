/**
 * Step `captions`: one figure per photo, its caption and credit once. (Implementation in progress.)
 */
import type { StepContext } from '../context';

export function cleanCaptions(_root: Element, _ctx: StepContext): number {
  return 0;
}
