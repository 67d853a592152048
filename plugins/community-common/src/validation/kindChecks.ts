import {
  RefExpectation,
  dateProblem,
  globProblem,
  refProblem,
  regexProblem,
  semverRangeProblem,
  timeZoneProblem,
} from './fieldChecks';

type Spec = Record<string, any>;

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
  list(obj(spec.rhythm).timeZones).forEach((tz, i) =>
    p.at(timeZoneProblem(tz), () => `spec.rhythm.timeZones[${i}]`),
  );
  return p.found;
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
  list(obj(spec.detection).rules).forEach((rule, i) =>
    checkRule(p, obj(rule), i),
  );
  list(spec.exemptions).forEach((exemption, i) => {
    const { entity, until } = obj(exemption);
    p.at(refProblem(entity, ANY_ENTITY), () => `spec.exemptions[${i}].entity`);
    p.at(dateProblem(until), () => `spec.exemptions[${i}].until`);
  });
  return p.found;
}
