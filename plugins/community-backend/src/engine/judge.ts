import { Entity } from '@backstage/catalog-model';
import {
  AdoptionResult,
  PatternEntityV1alpha1,
} from '@copkit/plugin-community-common';
import { RepositoryFiles } from '@copkit/plugin-community-node';
import {
  activeExemption,
  expiredExemption,
  notApplicableReason,
} from './applicability';
import { DetectorRegistry, ResolvedRule } from './DetectorRegistry';

/** The part of a result that judging decides. */
export type Verdict = Pick<
  AdoptionResult,
  'status' | 'evidence' | 'tried' | 'notes' | 'reason' | 'exemptUntil'
>;

/** The entity's repository, as far as the scan got with it. */
export type RepositoryState = { files: RepositoryFiles } | { problem: string };

export type JudgeContext = {
  detectors: DetectorRegistry;
  /** Today, YYYY-MM-DD (UTC): exemptions end after their `until` day. */
  today: string;
  /** Only asked for when a repository rule is reached. */
  repository: () => RepositoryState;
  signal?: AbortSignal;
};

type RuleOutcome =
  | { kind: 'match'; rule: ResolvedRule; evidence: Verdict['evidence'][0] }
  | { kind: 'miss'; rule: ResolvedRule }
  | { kind: 'error'; rule: ResolvedRule; reason: string };

const empty = { evidence: [], tried: [], notes: [] };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runRule(
  rule: ResolvedRule,
  entity: Entity,
  ctx: JudgeContext,
  notes: string[],
): Promise<RuleOutcome> {
  if (!rule.detector) {
    return { kind: 'error', rule, reason: rule.problem ?? 'no detector' };
  }
  let files: RepositoryFiles | undefined;
  if (rule.detector.needs === 'repository') {
    const repo = ctx.repository();
    if ('problem' in repo) return { kind: 'error', rule, reason: repo.problem };
    files = repo.files;
  }
  try {
    const outcome = await rule.detector.detect({
      rule: rule.value,
      entity,
      files,
      signal: ctx.signal,
    });
    notes.push(...(outcome.notes ?? []));
    return outcome.matched
      ? {
          kind: 'match',
          rule,
          evidence: { rule: rule.text, ...outcome.evidence },
        }
      : { kind: 'miss', rule };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    return { kind: 'error', rule, reason: message(error) };
  }
}

/** Catalog rules first: they are cheap and may settle the verdict. */
function ordered(rules: ResolvedRule[]): ResolvedRule[] {
  const cost = (r: ResolvedRule) =>
    r.detector?.needs === 'repository' ? 1 : 0;
  return [...rules].sort((a, b) => cost(a) - cost(b));
}

/**
 * Judges one entity against one pattern: applicability, exemptions, then
 * the detection rules (`match: any` stops at the first match; `all` stops at
 * the first clean miss).
 */
export async function judge(
  pattern: PatternEntityV1alpha1,
  entity: Entity,
  ctx: JudgeContext,
): Promise<Verdict> {
  const notApplicable = notApplicableReason(pattern, entity);
  if (notApplicable) {
    return { status: 'not-applicable', ...empty, reason: notApplicable };
  }
  const exemption = activeExemption(pattern, entity, ctx.today);
  if (exemption) {
    return {
      status: 'exempt',
      ...empty,
      reason: exemption.reason,
      exemptUntil: exemption.until,
    };
  }
  const notes: string[] = [];
  const expired = expiredExemption(pattern, entity, ctx.today);
  if (expired) notes.push(`exemption ended on ${expired.until}`);

  const detection = pattern.spec.detection;
  if (!detection?.rules.length) {
    return {
      status: 'not-applicable',
      ...empty,
      notes,
      reason: 'the pattern has no detection rules',
    };
  }
  const all = detection.match === 'all';
  const rules = ordered(detection.rules.map(r => ctx.detectors.resolve(r)));
  const outcomes: RuleOutcome[] = [];
  for (const rule of rules) {
    const outcome = await runRule(rule, entity, ctx, notes);
    outcomes.push(outcome);
    if (!all && outcome.kind === 'match') break;
    if (all && outcome.kind === 'miss') break;
  }
  const tried = outcomes.map(o => o.rule.text);
  const matches = outcomes.flatMap(o =>
    o.kind === 'match' ? [o.evidence] : [],
  );
  const errors = outcomes.flatMap(o =>
    o.kind === 'error' ? [`${o.rule.text}: ${o.reason}`] : [],
  );
  const missed = outcomes.some(o => o.kind === 'miss');

  if (!all && matches.length) {
    return {
      status: 'adopted',
      evidence: matches,
      tried: [],
      notes: [...notes, ...errors],
    };
  }
  if (all && !missed && !errors.length) {
    return { status: 'adopted', evidence: matches, tried: [], notes };
  }
  if (errors.length && !(all && missed)) {
    return {
      status: 'error',
      evidence: [],
      tried,
      notes,
      reason: errors.join('; '),
    };
  }
  return {
    status: 'not-adopted',
    evidence: [],
    tried,
    notes: [...notes, ...errors],
  };
}
