import type { PatternDef } from '../ruleTypes';

/** Case-insensitive pattern, for wording that tools print in varying case. */
export function ci(source: string): PatternDef {
  return { source, flags: 'i' };
}
