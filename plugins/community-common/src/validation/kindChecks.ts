import {
  RefExpectation,
  dateProblem,
  globProblem,
  refProblem,
  regexProblem,
  semverRangeProblem,
  timeOfDayProblem,
  timeZoneProblem,
} from './fieldChecks';

type Spec = Record<string, any>;

/**
 * The most detection rules a Pattern may have; the Pattern schema's
 * `maxItems` says the same. Every rule runs against every entity in scope.
 */
export const MAX_PATTERN_RULES = 100;

// Expectations are constants so that ref checks can memoize per expectation.
const OWNER = { defaultKind: 'Group', allowedKinds: ['Group', 'User'] };
const LEAD = { defaultKind: 'User', allowedKinds: ['User'] };
const PARTICIPANT = { defaultKind: 'User', allowedKinds: ['User', 'Group'] };
const VALUE_STREAM = { defaultKind: 'Domain' };
const SERVICE = { defaultKind: 'Component' };
const COMMUNITY = { defaultKind: 'Community', allowedKinds: ['Community'] };
const TEMPLATE = { defaultKind: 'Template', allowedKinds: ['Template'] };
const ANY_ENTITY = { defaultKind: 'Component' };

const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
const obj = (value: unknown): Spec =>
  value && typeof value === 'object' ? (value as Spec) : {};

/**
 * Collects problems. Field paths are only built for fields that have a
 * problem: validation runs for every entity on every processing loop.
 */
class Problems {
  readonly found: string[] = [];

  at(problem: string | undefined, path: () => string) {
    if (problem) this.found.push(`${path()} ${problem}`);
  }

  refs(field: string, values: unknown, expected: RefExpectation) {
    list(values).forEach((value, i) =>
      this.at(refProblem(value, expected), () => `${field}[${i}]`),
    );
  }
}

export function communitySpecProblems(spec: Spec): string[] {
  const p = new Problems();
  p.at(refProblem(spec.owner, OWNER), () => 'spec.owner');
  p.refs('spec.leads', spec.leads, LEAD);
  p.refs('spec.members', spec.members, PARTICIPANT);
  p.refs('spec.valueStreams', spec.valueStreams, VALUE_STREAM);
  p.refs('spec.services', spec.services, SERVICE);
  p.at(refProblem(spec.parent, COMMUNITY), () => 'spec.parent');
  checkRhythm(p, obj(spec.rhythm));
  return p.found;
}

const ANCHOR_PAIR = 'a meeting anchor needs both the date and the time';
const ANCHOR_SET = 'when spec.rhythm.firstMeeting or spec.rhythm.time is set';

function checkRhythm(p: Problems, rhythm: Spec) {
  list(rhythm.timeZones).forEach((tz, i) =>
    p.at(timeZoneProblem(tz), () => `spec.rhythm.timeZones[${i}]`),
  );
  p.at(dateProblem(rhythm.firstMeeting), () => 'spec.rhythm.firstMeeting');
  p.at(timeOfDayProblem(rhythm.time), () => 'spec.rhythm.time');
  const hasDate = rhythm.firstMeeting !== undefined;
  const hasTime = rhythm.time !== undefined;
  if (!hasDate && !hasTime) return;
  if (!hasTime) {
    p.found.push(
      `spec.rhythm.time is required when spec.rhythm.firstMeeting is set: ${ANCHOR_PAIR}`,
    );
  }
  if (!hasDate) {
    p.found.push(
      `spec.rhythm.firstMeeting is required when spec.rhythm.time is set: ${ANCHOR_PAIR}`,
    );
  }
  // A zone list of the wrong type is reported by the schema already.
  if (rhythm.timeZones === undefined) {
    p.found.push(
      `spec.rhythm.timeZones is required ${ANCHOR_SET}: the meeting time is read in these time zones, the first one for the first meeting`,
    );
  } else if (Array.isArray(rhythm.timeZones) && !rhythm.timeZones.length) {
    p.found.push(
      `spec.rhythm.timeZones must list at least one time zone ${ANCHOR_SET}; got an empty list`,
    );
  }
}

function checkRule(p: Problems, rule: Spec, i: number) {
  const at = (field: string) => () => `spec.detection.rules[${i}].${field}`;
  p.at(refProblem(rule.sourceTemplate, TEMPLATE), at('sourceTemplate'));
  p.at(refProblem(rule.dependsOn, ANY_ENTITY), at('dependsOn'));
  const file = obj(rule.file);
  p.at(globProblem(file.path), at('file.path'));
  p.at(regexProblem(file.contains), at('file.contains'));
  p.at(
    semverRangeProblem(obj(rule.dependency).version),
    at('dependency.version'),
  );
}

export function patternSpecProblems(spec: Spec): string[] {
  const p = new Problems();
  p.at(refProblem(spec.owner, OWNER), () => 'spec.owner');
  p.at(refProblem(spec.community, COMMUNITY), () => 'spec.community');
  p.refs('spec.templates', spec.templates, TEMPLATE);
  // The schema reports a list over the cap; checking each of thousands of
  // rules (and compiling their regexes) would cost time and bury that line.
  const rules = list(obj(spec.detection).rules);
  if (rules.length <= MAX_PATTERN_RULES) {
    rules.forEach((rule, i) => checkRule(p, obj(rule), i));
  }
  list(spec.exemptions).forEach((exemption, i) => {
    const { entity, until } = obj(exemption);
    p.at(refProblem(entity, ANY_ENTITY), () => `spec.exemptions[${i}].entity`);
    p.at(dateProblem(until), () => `spec.exemptions[${i}].until`);
  });
  return p.found;
}
