import {
  checkDate,
  checkEntityRef,
  checkGlob,
  checkRefList,
  checkRegex,
  checkSemverRange,
  checkTimeZone,
} from './fieldChecks';

// The checks JSON schema cannot express. Each tolerates values of the wrong
// type, which the schema has already reported.

type Spec = Record<string, any>;

const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
const obj = (value: unknown): Spec =>
  value && typeof value === 'object' ? (value as Spec) : {};

export function communitySpecProblems(spec: Spec): string[] {
  return [
    checkEntityRef('spec.owner', spec.owner, {
      defaultKind: 'Group',
      allowedKinds: ['Group', 'User'],
    }),
    ...checkRefList('spec.leads', spec.leads, {
      defaultKind: 'User',
      allowedKinds: ['User'],
    }),
    ...checkRefList('spec.members', spec.members, {
      defaultKind: 'User',
      allowedKinds: ['User', 'Group'],
    }),
    ...checkRefList('spec.valueStreams', spec.valueStreams, {
      defaultKind: 'Domain',
    }),
    ...checkRefList('spec.services', spec.services, {
      defaultKind: 'Component',
    }),
    checkEntityRef('spec.parent', spec.parent, {
      defaultKind: 'Community',
      allowedKinds: ['Community'],
    }),
    ...list(obj(spec.rhythm).timeZones).map((tz, i) =>
      checkTimeZone(`spec.rhythm.timeZones[${i}]`, tz),
    ),
  ].filter((p): p is string => !!p);
}

function ruleProblems(path: string, rule: Spec): (string | undefined)[] {
  const file = obj(rule.file);
  return [
    checkEntityRef(`${path}.sourceTemplate`, rule.sourceTemplate, {
      defaultKind: 'Template',
      allowedKinds: ['Template'],
    }),
    checkEntityRef(`${path}.dependsOn`, rule.dependsOn, {
      defaultKind: 'Component',
    }),
    checkGlob(`${path}.file.path`, file.path),
    checkRegex(`${path}.file.contains`, file.contains),
    checkSemverRange(`${path}.dependency.version`, obj(rule.dependency).version),
  ];
}

export function patternSpecProblems(spec: Spec): string[] {
  return [
    checkEntityRef('spec.owner', spec.owner, {
      defaultKind: 'Group',
      allowedKinds: ['Group', 'User'],
    }),
    checkEntityRef('spec.community', spec.community, {
      defaultKind: 'Community',
      allowedKinds: ['Community'],
    }),
    ...checkRefList('spec.templates', spec.templates, {
      defaultKind: 'Template',
      allowedKinds: ['Template'],
    }),
    ...list(obj(spec.detection).rules).flatMap((rule, i) =>
      ruleProblems(`spec.detection.rules[${i}]`, obj(rule)),
    ),
    ...list(spec.exemptions).flatMap((exemption, i) => [
      checkEntityRef(`spec.exemptions[${i}].entity`, obj(exemption).entity, {
        defaultKind: 'Component',
      }),
      checkDate(`spec.exemptions[${i}].until`, obj(exemption).until),
    ]),
  ].filter((p): p is string => !!p);
}
