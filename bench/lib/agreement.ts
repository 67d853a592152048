import { PatternDetectionRule } from '@copkit/plugin-community-common';
import { PatternDef } from './patterns';

/** Whether grep alone can decide the rule: a file rule, or a dependency without a version range. */
function grepDecides(rule: PatternDetectionRule): boolean {
  if ('file' in rule) return true;
  if ('dependency' in rule) return rule.dependency.version === undefined;
  return false;
}

export const ruleKey = (pattern: string, index: number) =>
  `${pattern}#${index}`;

/**
 * Compares the engine's adopted / not-adopted verdicts with what the shell
 * baseline's hits imply, for the patterns grep can decide on its own.
 */
export function compareVerdicts(
  patterns: PatternDef[],
  hits: Map<string, Set<string>>,
  rows: Array<{ entity_ref: string; pattern_ref: string; status: string }>,
) {
  const decidable = new Map(
    patterns
      .filter(p => p.rules.every(grepDecides))
      .map(p => [`pattern:default/${p.name}`, p]),
  );
  let compared = 0;
  const disagreements: string[] = [];
  for (const row of rows) {
    const pattern = decidable.get(row.pattern_ref);
    if (!pattern || !['adopted', 'not-adopted'].includes(row.status)) continue;
    const repo = row.entity_ref.split('/')[1];
    const hit = (i: number) =>
      hits.get(ruleKey(pattern.name, i))?.has(repo) ?? false;
    const indexes = pattern.rules.map((_, i) => i);
    const expected =
      pattern.match === 'all' ? indexes.every(hit) : indexes.some(hit);
    compared += 1;
    if (expected !== (row.status === 'adopted')) {
      disagreements.push(
        `${row.entity_ref} × ${row.pattern_ref}: engine ${row.status}, grep ${
          expected ? 'adopted' : 'not-adopted'
        }`,
      );
    }
  }
  return { patterns: decidable.size, compared, disagreements };
}
