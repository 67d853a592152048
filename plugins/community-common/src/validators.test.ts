import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  communityEntityV1alpha1Validator,
  patternEntityV1alpha1Schema,
  patternEntityV1alpha1Validator,
} from './validators';
import { MAX_PATTERN_RULES } from './validation/kindChecks';

type Spec = NonNullable<Entity['spec']>;
type Json = NonNullable<Spec[string]>;

const MINIMAL_COMMUNITY: Spec = {
  type: 'community',
  domain: 'Payments',
  owner: 'payments',
};

const MINIMAL_PATTERN: Spec = {
  type: 'architecture',
  status: 'adopt',
  owner: 'platform',
  community: 'payment-experience',
};

const COMMUNITY = 'Community default/payment-experience: ';
const PATTERN = 'Pattern default/event-sourcing: ';

function community(
  spec: Spec | undefined,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: { name: 'payment-experience', ...metadata },
    ...(spec === undefined ? {} : { spec }),
  };
}

function pattern(spec: Spec | undefined): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Pattern',
    metadata: { name: 'event-sourcing' },
    ...(spec === undefined ? {} : { spec }),
  };
}

/** A minimal community spec with some fields overridden. */
const communitySpec = (overrides: Spec): Spec => ({
  ...MINIMAL_COMMUNITY,
  ...overrides,
});

/**
 * A minimal community spec whose rhythm is anchored to a first meeting, with
 * some rhythm fields overridden (`undefined` leaves a field out).
 */
const anchored = (overrides: Record<string, Json | undefined>): Spec => {
  const rhythm: Spec = {
    frequency: 'biweekly',
    timeZones: ['Europe/Berlin', 'Asia/Tokyo'],
    firstMeeting: '2026-01-14',
    time: '16:00',
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete rhythm[key];
    else rhythm[key] = value;
  }
  return communitySpec({ rhythm });
};

/** A minimal pattern spec with some fields overridden. */
const patternSpec = (overrides: Spec): Spec => ({
  ...MINIMAL_PATTERN,
  ...overrides,
});

/** A minimal pattern spec detecting with the given rules. */
const withRules = (...rules: Json[]): Spec =>
  patternSpec({ detection: { rules } });

/** A minimal pattern spec with one exemption. */
const withExemption = (exemption: Spec): Spec =>
  patternSpec({
    exemptions: [{ entity: 'legacy-ledger', reason: 'sunset', ...exemption }],
  });

const without = (spec: Spec, key: string): Spec => {
  const { [key]: _removed, ...rest } = spec;
  return rest;
};

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One line of a validator's message: the prefix naming the entity, then the
 * sentence, given whole or as a regex for its start.
 */
function expectedLine(prefix: string, sentence: string | RegExp): unknown {
  if (typeof sentence === 'string') {
    return `${prefix}${sentence}`;
  }
  return expect.stringMatching(
    new RegExp(`^${escapeRegExp(prefix)}${sentence.source.replace(/^\^/, '')}`),
  );
}

function check(entity: Entity): Promise<boolean> {
  return entity.kind === 'Pattern'
    ? patternEntityV1alpha1Validator.check(entity)
    : communityEntityV1alpha1Validator.check(entity);
}

/** The lines of the InputError the validator rejects with. */
async function problemsOf(entity: Entity): Promise<string[]> {
  const error = await check(entity).then(
    result => {
      throw new Error(`expected check to reject, but it resolved ${result}`);
    },
    e => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message.split('\n');
}

describe('communityEntityV1alpha1Validator', () => {
  it('accepts a minimal community', async () => {
    await expect(check(community(MINIMAL_COMMUNITY))).resolves.toBe(true);
  });

  it('accepts a community using every field', async () => {
    const entity = community(
      {
        type: 'chapter',
        domain: 'Payments and checkout',
        owner: 'group:default/payments',
        leads: ['jane.doe', 'user:default/john.smith'],
        members: ['ana', 'user:team-a/bo', 'group:default/checkout-team'],
        valueStreams: ['checkout', 'domain:default/billing'],
        services: ['payment-api', 'component:default/ledger'],
        parent: 'community:default/engineering-practice',
        rhythm: {
          frequency: 'biweekly',
          durationMinutes: 45,
          timeZones: ['Europe/Berlin', 'America/New_York', 'UTC'],
          firstMeeting: '2026-01-14',
          time: '16:00',
        },
        objectives: [
          { title: 'One payment SDK', url: 'https://example.com/okr/1' },
          { title: 'Halve checkout latency' },
        ],
        timeAllocationPercent: 10,
      },
      {
        title: 'Payment Experience',
        links: [{ url: 'https://chat.example.com/pay', title: 'Chat' }],
      },
    );
    await expect(check(entity)).resolves.toBe(true);
  });

  it.each(['weekly', 'biweekly', 'monthly', 'quarterly'])(
    'accepts rhythm frequency %s',
    async frequency => {
      await expect(
        check(community(communitySpec({ rhythm: { frequency } }))),
      ).resolves.toBe(true);
    },
  );

  it.each(['weekly', 'biweekly', 'monthly', 'quarterly'])(
    'accepts a %s rhythm anchored to a first meeting',
    async frequency => {
      const rhythm = {
        frequency,
        timeZones: ['Europe/Berlin'],
        firstMeeting: '2026-01-31',
        time: '16:00',
      };
      await expect(check(community(communitySpec({ rhythm })))).resolves.toBe(
        true,
      );
    },
  );

  it.each([
    ['a leap day', '2028-02-29', '09:30'],
    ['midnight', '2026-03-29', '00:00'],
    ['the last minute of the day', '2026-10-25', '23:59'],
    ['a time in the gap of a DST change', '2026-03-29', '02:30'],
  ])('accepts an anchor on %s', async (_case, firstMeeting, time) => {
    const rhythm = {
      frequency: 'weekly',
      timeZones: ['Europe/Berlin'],
      firstMeeting,
      time,
    };
    await expect(check(community(communitySpec({ rhythm })))).resolves.toBe(
      true,
    );
  });

  it.each([
    ['timeAllocationPercent', { timeAllocationPercent: 0 }],
    ['timeAllocationPercent', { timeAllocationPercent: 100 }],
    ['timeAllocationPercent', { timeAllocationPercent: 12.5 }],
    [
      'durationMinutes',
      { rhythm: { frequency: 'weekly', durationMinutes: 5 } },
    ],
    [
      'durationMinutes',
      { rhythm: { frequency: 'weekly', durationMinutes: 480 } },
    ],
  ])('accepts %s at the edge of its range: %j', async (_field, overrides) => {
    await expect(check(community(communitySpec(overrides)))).resolves.toBe(
      true,
    );
  });

  describe('does not claim other entities', () => {
    it.each(['backstage.io/v1alpha1', 'example.com/v1'])(
      'resolves false for a Community with apiVersion %s, even with an invalid spec',
      async apiVersion => {
        await expect(
          communityEntityV1alpha1Validator.check({
            ...community({ valuestreams: 'not checked' }),
            apiVersion,
          }),
        ).resolves.toBe(false);
      },
    );

    it('resolves false for a Component', async () => {
      await expect(
        communityEntityV1alpha1Validator.check({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'payment-api' },
          spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
        }),
      ).resolves.toBe(false);
    });

    it('resolves false for a Pattern', async () => {
      await expect(
        communityEntityV1alpha1Validator.check(pattern(MINIMAL_PATTERN)),
      ).resolves.toBe(false);
    });
  });

  it('rejects with an InputError naming the entity', async () => {
    const check$ = check(community(without(MINIMAL_COMMUNITY, 'domain')));
    await expect(check$).rejects.toBeInstanceOf(InputError);
    await expect(check$).rejects.toThrow(
      'Community default/payment-experience: spec.domain is required',
    );
  });

  it('names the namespace of a namespaced entity', async () => {
    await expect(
      check(
        community(without(MINIMAL_COMMUNITY, 'owner'), {
          name: 'x',
          namespace: 'team-a',
        }),
      ),
    ).rejects.toThrow(/^Community team-a\/x: spec\.owner is required$/);
  });

  it.each<[string, Spec | undefined, string]>([
    // missing fields
    ['spec entirely missing', undefined, 'spec is required'],
    [
      'missing type',
      without(MINIMAL_COMMUNITY, 'type'),
      'spec.type is required',
    ],
    [
      'missing domain',
      without(MINIMAL_COMMUNITY, 'domain'),
      'spec.domain is required',
    ],
    [
      'missing owner',
      without(MINIMAL_COMMUNITY, 'owner'),
      'spec.owner is required',
    ],
    [
      'missing rhythm frequency',
      communitySpec({ rhythm: { durationMinutes: 30 } }),
      'spec.rhythm.frequency is required',
    ],
    [
      'objective without title',
      communitySpec({ objectives: [{ url: 'https://example.com' }] }),
      'spec.objectives[0].title is required',
    ],
    // wrong types and empty strings
    [
      'empty type',
      communitySpec({ type: '' }),
      'spec.type must be a non-empty string',
    ],
    [
      'empty lead',
      communitySpec({ leads: [''] }),
      'spec.leads[0] must be a non-empty string',
    ],
    [
      'leads as a string',
      communitySpec({ leads: 'jane.doe' }),
      'spec.leads must be a list; got "jane.doe"',
    ],
    [
      'owner as a number',
      communitySpec({ owner: 42 }),
      'spec.owner must be a string; got 42',
    ],
    [
      'rhythm as a string',
      communitySpec({ rhythm: 'weekly' }),
      'spec.rhythm must be an object; got "weekly"',
    ],
    [
      'durationMinutes as a string',
      communitySpec({ rhythm: { frequency: 'weekly', durationMinutes: '30' } }),
      'spec.rhythm.durationMinutes must be a whole number; got "30"',
    ],
    [
      'durationMinutes as a fraction',
      communitySpec({ rhythm: { frequency: 'weekly', durationMinutes: 30.5 } }),
      'spec.rhythm.durationMinutes must be a whole number; got 30.5',
    ],
    [
      'timeAllocationPercent as a string',
      communitySpec({ timeAllocationPercent: '10%' }),
      'spec.timeAllocationPercent must be a number; got "10%"',
    ],
    // unknown keys
    [
      'valuestreams instead of valueStreams',
      communitySpec({ valuestreams: ['checkout'] }),
      'spec has unknown key "valuestreams" (did you mean "valueStreams"?); expected one of type, domain, owner, leads, members, valueStreams, services, parent, rhythm, objectives, timeAllocationPercent',
    ],
    [
      'an unrelated key',
      communitySpec({ slackChannel: '#payments' }),
      'spec has unknown key "slackChannel"; expected one of type, domain, owner, leads, members, valueStreams, services, parent, rhythm, objectives, timeAllocationPercent',
    ],
    [
      'an unknown key in rhythm',
      communitySpec({ rhythm: { frequency: 'weekly', day: 'Tuesday' } }),
      'spec.rhythm has unknown key "day"; expected one of frequency, durationMinutes, timeZones, firstMeeting, time',
    ],
    [
      'startTime instead of time',
      communitySpec({ rhythm: { frequency: 'weekly', startTime: '16:00' } }),
      'spec.rhythm has unknown key "startTime"; expected one of frequency, durationMinutes, timeZones, firstMeeting, time',
    ],
    [
      'an unknown key in an objective',
      communitySpec({ objectives: [{ title: 'x', link: 'y' }] }),
      'spec.objectives[0] has unknown key "link"; expected one of title, url',
    ],
    // entity refs that do not parse
    [
      'owner "user:"',
      communitySpec({ owner: 'user:' }),
      'spec.owner must be an entity ref such as "group:default/name" (kind defaults to Group); got "user:"',
    ],
    [
      'owner "a:b:c/d/e"',
      communitySpec({ owner: 'a:b:c/d/e' }),
      'spec.owner must be an entity ref such as "group:default/name" (kind defaults to Group); got "a:b:c/d/e"',
    ],
    [
      'member with an invalid name',
      communitySpec({ members: ['ana', 'Group:default/Bad Name!'] }),
      'spec.members[1] must be an entity ref such as "user:default/name" (kind defaults to User); got "Group:default/Bad Name!"',
    ],
    [
      'value stream "domain:"',
      communitySpec({ valueStreams: ['domain:'] }),
      'spec.valueStreams[0] must be an entity ref such as "domain:default/name" (kind defaults to Domain); got "domain:"',
    ],
    [
      'service with an invalid namespace',
      communitySpec({ services: ['component:Bad Space/x'] }),
      'spec.services[0] must be an entity ref such as "component:default/name" (kind defaults to Component); got "component:Bad Space/x"',
    ],
    [
      'parent "community:default/"',
      communitySpec({ parent: 'community:default/' }),
      'spec.parent must be an entity ref such as "community:default/name" (kind defaults to Community); got "community:default/"',
    ],
    // entity refs of the wrong kind
    [
      'parent that is a component',
      communitySpec({ parent: 'component:default/x' }),
      'spec.parent must refer to a Community; got "component:default/x"',
    ],
    [
      'lead that is a group',
      communitySpec({ leads: ['jane.doe', 'group:default/x'] }),
      'spec.leads[1] must refer to a User; got "group:default/x"',
    ],
    [
      'member that is a component',
      communitySpec({ members: ['component:default/x'] }),
      'spec.members[0] must refer to a User or Group; got "component:default/x"',
    ],
    [
      'owner that is a domain',
      communitySpec({ owner: 'domain:default/x' }),
      'spec.owner must refer to a Group or User; got "domain:default/x"',
    ],
    // enums
    [
      'unknown frequency',
      communitySpec({ rhythm: { frequency: 'fortnightly' } }),
      'spec.rhythm.frequency must be one of weekly, biweekly, monthly, quarterly; got "fortnightly"',
    ],
    // time zones
    [
      'time zone that does not exist',
      communitySpec({
        rhythm: { frequency: 'weekly', timeZones: ['UTC', 'Mars/Olympus'] },
      }),
      'spec.rhythm.timeZones[1] must be an IANA time zone name such as "Europe/Berlin"; got "Mars/Olympus"',
    ],
    [
      'time zone given as an offset',
      communitySpec({ rhythm: { frequency: 'weekly', timeZones: ['+01:00'] } }),
      'spec.rhythm.timeZones[0] must be an IANA time zone name such as "Europe/Berlin"; got "+01:00"',
    ],
    // meeting anchors
    [
      'first meeting on a day that does not exist',
      anchored({ firstMeeting: '2026-02-30' }),
      'spec.rhythm.firstMeeting must be a date written YYYY-MM-DD; got "2026-02-30"',
    ],
    [
      'first meeting written day first',
      anchored({ firstMeeting: '14.01.2026' }),
      'spec.rhythm.firstMeeting must be a date written YYYY-MM-DD; got "14.01.2026"',
    ],
    [
      'first meeting with a time of day',
      anchored({ firstMeeting: '2026-01-14T16:00' }),
      'spec.rhythm.firstMeeting must be a date written YYYY-MM-DD; got "2026-01-14T16:00"',
    ],
    [
      'hour 25',
      anchored({ time: '25:00' }),
      'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "25:00"',
    ],
    [
      'hour 24',
      anchored({ time: '24:00' }),
      'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "24:00"',
    ],
    [
      'a time without leading zeros',
      anchored({ time: '9:5' }),
      'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "9:5"',
    ],
    [
      'a time with seconds',
      anchored({ time: '16:00:00' }),
      'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "16:00:00"',
    ],
    [
      'a 12-hour time',
      anchored({ time: '4:00 PM' }),
      'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "4:00 PM"',
    ],
    [
      'minute 60',
      anchored({ time: '16:60' }),
      'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "16:60"',
    ],
    [
      'a time that YAML 1.1 read as a number of minutes',
      anchored({ time: 960 }),
      'spec.rhythm.time must be a string; got 960',
    ],
    [
      'an empty time',
      anchored({ time: '' }),
      'spec.rhythm.time must be a non-empty string',
    ],
    [
      'an empty first meeting',
      anchored({ firstMeeting: '' }),
      'spec.rhythm.firstMeeting must be a non-empty string',
    ],
    [
      'first meeting without time',
      anchored({ time: undefined }),
      'spec.rhythm.time is required when spec.rhythm.firstMeeting is set: a meeting anchor needs both the date and the time',
    ],
    [
      'time without first meeting',
      anchored({ firstMeeting: undefined }),
      'spec.rhythm.firstMeeting is required when spec.rhythm.time is set: a meeting anchor needs both the date and the time',
    ],
    [
      'an anchor without time zones',
      anchored({ timeZones: undefined }),
      'spec.rhythm.timeZones is required when spec.rhythm.firstMeeting or spec.rhythm.time is set: the meeting time is read in these time zones, the first one for the first meeting',
    ],
    [
      'an anchor with an empty list of time zones',
      anchored({ timeZones: [] }),
      'spec.rhythm.timeZones must list at least one time zone when spec.rhythm.firstMeeting or spec.rhythm.time is set; got an empty list',
    ],
    // ranges
    [
      'timeAllocationPercent below 0',
      communitySpec({ timeAllocationPercent: -1 }),
      'spec.timeAllocationPercent must be between 0 and 100; got -1',
    ],
    [
      'timeAllocationPercent above 100',
      communitySpec({ timeAllocationPercent: 101 }),
      'spec.timeAllocationPercent must be between 0 and 100; got 101',
    ],
    [
      'durationMinutes below 5',
      communitySpec({ rhythm: { frequency: 'weekly', durationMinutes: 4 } }),
      'spec.rhythm.durationMinutes must be between 5 and 480; got 4',
    ],
    [
      'durationMinutes above 480',
      communitySpec({ rhythm: { frequency: 'weekly', durationMinutes: 481 } }),
      'spec.rhythm.durationMinutes must be between 5 and 480; got 481',
    ],
  ])('rejects %s', async (_case, spec, expected) => {
    expect(await problemsOf(community(spec))).toEqual([
      `${COMMUNITY}${expected}`,
    ]);
  });

  it('accepts an empty list of time zones without an anchor', async () => {
    await expect(
      check(
        community(
          communitySpec({ rhythm: { frequency: 'weekly', timeZones: [] } }),
        ),
      ),
    ).resolves.toBe(true);
  });

  it('reports each missing part of a lone time', async () => {
    const lines = await problemsOf(
      community(
        communitySpec({ rhythm: { frequency: 'weekly', time: '9:5' } }),
      ),
    );
    expect(lines).toEqual(
      [
        'spec.rhythm.time must be a 24-hour time written HH:MM, such as "16:00"; got "9:5"',
        'spec.rhythm.firstMeeting is required when spec.rhythm.time is set: a meeting anchor needs both the date and the time',
        'spec.rhythm.timeZones is required when spec.rhythm.firstMeeting or spec.rhythm.time is set: the meeting time is read in these time zones, the first one for the first meeting',
      ].map(p => `${COMMUNITY}${p}`),
    );
  });

  it('reports every problem of an entity, one line each', async () => {
    const entity = community({
      type: '',
      owner: 'user:',
      leads: ['group:default/x'],
      valuestreams: ['checkout'],
      rhythm: {
        frequency: 'fortnightly',
        durationMinutes: 4,
        timeZones: ['Mars/Olympus'],
      },
      timeAllocationPercent: 101,
    });
    const lines = await problemsOf(entity);
    const expected = [
      'spec.domain is required',
      'spec.type must be a non-empty string',
      'spec has unknown key "valuestreams" (did you mean "valueStreams"?); expected one of type, domain, owner, leads, members, valueStreams, services, parent, rhythm, objectives, timeAllocationPercent',
      'spec.rhythm.frequency must be one of weekly, biweekly, monthly, quarterly; got "fortnightly"',
      'spec.rhythm.durationMinutes must be between 5 and 480; got 4',
      'spec.timeAllocationPercent must be between 0 and 100; got 101',
      'spec.owner must be an entity ref such as "group:default/name" (kind defaults to Group); got "user:"',
      'spec.leads[0] must refer to a User; got "group:default/x"',
      'spec.rhythm.timeZones[0] must be an IANA time zone name such as "Europe/Berlin"; got "Mars/Olympus"',
    ].map(p => `${COMMUNITY}${p}`);
    expect(lines).toHaveLength(expected.length);
    expect(lines).toEqual(expect.arrayContaining(expected));
  });
});

describe('patternEntityV1alpha1Validator', () => {
  it('accepts a minimal pattern', async () => {
    await expect(check(pattern(MINIMAL_PATTERN))).resolves.toBe(true);
  });

  it('accepts a pattern using every field and every rule shape', async () => {
    const entity = pattern({
      type: 'architecture',
      status: 'trial',
      owner: 'user:default/jane.doe',
      community: 'community:default/payment-experience',
      templates: ['event-sourced-service', 'template:default/outbox-worker'],
      appliesTo: {
        kinds: ['Component'],
        types: ['service', 'website'],
        lifecycles: ['production'],
        tags: ['java'],
      },
      detection: {
        match: 'all',
        rules: [
          { sourceTemplate: 'template:default/event-sourced-service' },
          { tag: 'event-sourcing' },
          { annotation: { key: 'copkit.io/event-store' } },
          { annotation: { key: 'copkit.io/event-store', value: 'kafka' } },
          { dependsOn: 'resource:default/event-store' },
          { file: { path: '**/src/**/*.events.ts' } },
          {
            file: {
              path: 'pom.xml',
              contains: '<artifactId>axon-.*</artifactId>',
            },
          },
          { custom: { detector: 'sonar-quality-gate' } },
          {
            custom: { detector: 'sonar-quality-gate', options: { gate: 'A' } },
          },
          { dependency: { ecosystem: 'npm', name: '@eventstore/db-client' } },
          {
            dependency: { ecosystem: 'npm', name: 'kafkajs', version: '^2.2' },
          },
          {
            dependency: { ecosystem: 'maven', name: 'org.axonframework:axon' },
          },
          {
            dependency: {
              ecosystem: 'maven',
              name: 'org.axonframework:axon',
              version: '>=4.0.0',
            },
          },
          { dependency: { ecosystem: 'gradle', name: 'io.eventuate:core' } },
          {
            dependency: {
              ecosystem: 'gradle',
              name: 'io.eventuate:core',
              version: '1.x',
            },
          },
          {
            dependency: {
              ecosystem: 'go',
              name: 'github.com/ThreeDotsLabs/watermill',
            },
          },
          {
            dependency: {
              ecosystem: 'go',
              name: 'github.com/ThreeDotsLabs/watermill',
              version: 'v1.3.5',
            },
          },
          { dependency: { ecosystem: 'pypi', name: 'eventsourcing' } },
          {
            dependency: {
              ecosystem: 'pypi',
              name: 'eventsourcing',
              version: '>=9.0.0 <10',
            },
          },
          { dependency: { ecosystem: 'cargo', name: 'cqrs-es' } },
          {
            dependency: { ecosystem: 'cargo', name: 'cqrs-es', version: '0.4' },
          },
          { dependency: { ecosystem: 'nuget', name: 'EventFlow' } },
          {
            dependency: {
              ecosystem: 'nuget',
              name: 'EventFlow',
              version: '~1.0.0',
            },
          },
        ],
      },
      exemptions: [
        { entity: 'legacy-ledger', reason: 'Being replaced' },
        {
          entity: 'component:default/billing',
          reason: 'Migration planned',
          until: '2027-01-31',
        },
      ],
    });
    await expect(check(entity)).resolves.toBe(true);
  });

  it.each(['adopt', 'trial', 'assess', 'hold', 'retired'])(
    'accepts status %s',
    async status => {
      await expect(check(pattern(patternSpec({ status })))).resolves.toBe(true);
    },
  );

  it.each(['any', 'all'])('accepts match %s', async match => {
    await expect(
      check(
        pattern(patternSpec({ detection: { match, rules: [{ tag: 'x' }] } })),
      ),
    ).resolves.toBe(true);
  });

  it('accepts a regex of exactly 512 characters', async () => {
    await expect(
      check(
        pattern(withRules({ file: { path: 'x', contains: 'a'.repeat(512) } })),
      ),
    ).resolves.toBe(true);
  });

  it.each([
    ['a repetition of exactly 1000', '(?s)\\b.{0,1000}\\bEND\\b'],
    ['repetitions adding up to 1000', '[0-9a-f]{40}(x{7}){120}'],
    ['a glob expanding to exactly 256', 'charts/{1..16}/{a..p}.yaml'],
    ['a glob with braces', 'src/**/*.{ts,tsx}'],
  ])('accepts %s', async (_case, value) => {
    const rule = value.includes('/')
      ? { file: { path: value } }
      : { file: { path: 'x', contains: value } };
    await expect(check(pattern(withRules(rule)))).resolves.toBe(true);
  });

  it(`accepts exactly ${MAX_PATTERN_RULES} rules`, async () => {
    const rules = Array.from({ length: MAX_PATTERN_RULES }, (_, i) => ({
      tag: `t${i}`,
    }));
    await expect(check(pattern(withRules(...rules)))).resolves.toBe(true);
  });

  it('caps the rules in the schema it publishes, too', () => {
    const schema = patternEntityV1alpha1Schema as any;
    expect(
      schema.properties.spec.properties.detection.properties.rules.maxItems,
    ).toBe(MAX_PATTERN_RULES);
  });

  it('reports too many rules once, without checking each of them', async () => {
    const rules = Array.from({ length: 2000 }, (_, i) => ({
      file: { path: `../x${i}`, contains: `(?=${i})` },
    }));
    expect(await problemsOf(pattern(withRules(...rules)))).toEqual([
      `${PATTERN}spec.detection.rules must list at most 100 item(s); got 2000`,
    ]);
  });

  it('accepts a leap day as an exemption date', async () => {
    await expect(
      check(pattern(withExemption({ until: '2028-02-29' }))),
    ).resolves.toBe(true);
  });

  it('does not claim a Component', async () => {
    await expect(
      patternEntityV1alpha1Validator.check({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payment-api' },
        spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
      }),
    ).resolves.toBe(false);
  });

  it('does not claim a Pattern of another apiVersion', async () => {
    await expect(
      patternEntityV1alpha1Validator.check({
        ...pattern({}),
        apiVersion: 'example.com/v1',
      }),
    ).resolves.toBe(false);
  });

  it('does not claim a Community', async () => {
    await expect(
      patternEntityV1alpha1Validator.check(community(MINIMAL_COMMUNITY)),
    ).resolves.toBe(false);
  });

  const SHAPES =
    'a rule must have exactly one of sourceTemplate, tag, annotation, dependsOn, file, dependency, custom';

  it.each<[string, Spec | undefined, string | RegExp]>([
    // missing fields
    ['spec entirely missing', undefined, 'spec is required'],
    [
      'missing status',
      without(MINIMAL_PATTERN, 'status'),
      'spec.status is required',
    ],
    [
      'missing community',
      without(MINIMAL_PATTERN, 'community'),
      'spec.community is required',
    ],
    [
      'missing owner',
      without(MINIMAL_PATTERN, 'owner'),
      'spec.owner is required',
    ],
    [
      'detection without rules',
      patternSpec({ detection: { match: 'any' } }),
      'spec.detection.rules is required',
    ],
    [
      'exemption without reason',
      patternSpec({ exemptions: [{ entity: 'x' }] }),
      'spec.exemptions[0].reason is required',
    ],
    [
      'annotation rule without key',
      withRules({ annotation: { value: 'x' } }),
      'spec.detection.rules[0].annotation.key is required',
    ],
    [
      'dependency rule without name',
      withRules({ dependency: { ecosystem: 'npm' } }),
      'spec.detection.rules[0].dependency.name is required',
    ],
    // wrong types, empty values
    [
      'templates as a string',
      patternSpec({ templates: 'outbox-worker' }),
      'spec.templates must be a list; got "outbox-worker"',
    ],
    [
      'a rule that is a string',
      withRules('tag: java'),
      'spec.detection.rules[0] must be an object; got "tag: java"',
    ],
    [
      'detection with an empty rules list',
      patternSpec({ detection: { rules: [] } }),
      'spec.detection.rules must list at least 1 item(s)',
    ],
    // unknown keys
    [
      'an unknown key in spec',
      patternSpec({ maturity: 'high' }),
      'spec has unknown key "maturity"; expected one of type, status, owner, community, templates, appliesTo, detection, exemptions',
    ],
    [
      'applies_to instead of appliesTo',
      patternSpec({ applies_to: { kinds: ['Component'] } }),
      'spec has unknown key "applies_to" (did you mean "appliesTo"?); expected one of type, status, owner, community, templates, appliesTo, detection, exemptions',
    ],
    [
      'an unknown key in appliesTo',
      patternSpec({ appliesTo: { owners: ['x'] } }),
      'spec.appliesTo has unknown key "owners"; expected one of kinds, types, lifecycles, tags',
    ],
    // rule shapes
    [
      'an unknown rule shape',
      withRules({ regex: 'x' }),
      'spec.detection.rules[0] has unknown rule shape "regex"; expected one of sourceTemplate, tag, annotation, dependsOn, file, dependency, custom',
    ],
    [
      'a custom rule without a detector name',
      withRules({ custom: { options: {} } }),
      'spec.detection.rules[0].custom.detector is required',
    ],
    [
      'a custom rule with options that are not an object',
      withRules({ custom: { detector: 'x', options: 'strict' } }),
      /spec\.detection\.rules\[0\]\.custom\.options must be (an )?object/,
    ],
    [
      'a rule with two shapes',
      withRules({ tag: 'a', file: { path: 'b' } }),
      `spec.detection.rules[0] has 2 shapes at once (tag, file); ${SHAPES}`,
    ],
    [
      'an empty rule',
      withRules({ tag: 'a' }, {}),
      `spec.detection.rules[1] is empty; ${SHAPES}`,
    ],
    // entity refs
    [
      'community "community:"',
      patternSpec({ community: 'community:' }),
      'spec.community must be an entity ref such as "community:default/name" (kind defaults to Community); got "community:"',
    ],
    [
      'community that is a group',
      patternSpec({ community: 'group:default/x' }),
      'spec.community must refer to a Community; got "group:default/x"',
    ],
    [
      'owner that is a component',
      patternSpec({ owner: 'component:default/x' }),
      'spec.owner must refer to a Group or User; got "component:default/x"',
    ],
    [
      'template that is a component',
      patternSpec({ templates: ['component:default/x'] }),
      'spec.templates[0] must refer to a Template; got "component:default/x"',
    ],
    [
      'sourceTemplate that is a component',
      withRules({ sourceTemplate: 'component:default/x' }),
      'spec.detection.rules[0].sourceTemplate must refer to a Template; got "component:default/x"',
    ],
    [
      'dependsOn that does not parse',
      withRules({ dependsOn: 'a:b:c/d/e' }),
      'spec.detection.rules[0].dependsOn must be an entity ref such as "component:default/name" (kind defaults to Component); got "a:b:c/d/e"',
    ],
    [
      'exemption entity with an invalid name',
      withExemption({ entity: 'Group:default/Bad Name!' }),
      'spec.exemptions[0].entity must be an entity ref such as "component:default/name" (kind defaults to Component); got "Group:default/Bad Name!"',
    ],
    // enums
    [
      'unknown status',
      patternSpec({ status: 'deprecated' }),
      'spec.status must be one of adopt, trial, assess, hold, retired; got "deprecated"',
    ],
    [
      'unknown match',
      patternSpec({ detection: { match: 'some', rules: [{ tag: 'x' }] } }),
      'spec.detection.match must be one of any, all; got "some"',
    ],
    [
      'unknown ecosystem',
      withRules({ dependency: { ecosystem: 'rubygems', name: 'rails' } }),
      'spec.detection.rules[0].dependency.ecosystem must be one of npm, maven, gradle, go, pypi, cargo, nuget; got "rubygems"',
    ],
    // regexes
    [
      'a regex that does not compile',
      withRules({ file: { path: 'pom.xml', contains: '[' } }),
      /^spec\.detection\.rules\[0\]\.file\.contains is not a regex the linear-time engine \(RE2 syntax\) can run: .*missing closing \]/,
    ],
    [
      'a regex over 512 characters',
      withRules({ file: { path: 'pom.xml', contains: 'a'.repeat(513) } }),
      'spec.detection.rules[0].file.contains must be at most 512 characters; got 513',
    ],
    [
      'a regex repeating 15 times 1000 (the program freezes the scanner)',
      withRules({
        file: { path: 'pom.xml', contains: `${'(?s).{1000}'.repeat(15)}Z` },
      }),
      'spec.detection.rules[0].file.contains must repeat at most 1000 times in total through {n}, {n,} and {n,m} (nested counts multiply); got 15000',
    ],
    [
      'a regex whose nested repetitions multiply past 1000',
      withRules({
        file: { path: 'pom.xml', contains: '(a{10}[bc]{2,50}){20}' },
      }),
      'spec.detection.rules[0].file.contains must repeat at most 1000 times in total through {n}, {n,} and {n,m} (nested counts multiply); got 1220',
    ],
    [
      'a regex repeating a long group',
      withRules({ file: { path: 'pom.xml', contains: '(?:abcdefgh){375}' } }),
      /^spec\.detection\.rules\[0\]\.file\.contains must compile to at most 3000 RE2 instructions \(a repeated group adds its whole length per copy\); got 3\d{3}$/,
    ],
    [
      'a regex with a lookahead',
      withRules({ file: { path: 'pom.xml', contains: 'a(?=x)' } }),
      /^spec\.detection\.rules\[0\]\.file\.contains is not a regex the linear-time engine \(RE2 syntax\) can run: .*\(\?=.*; lookarounds and backreferences are not supported$/,
    ],
    [
      'a regex with a backreference',
      withRules({ file: { path: 'pom.xml', contains: '(a)\\1' } }),
      /^spec\.detection\.rules\[0\]\.file\.contains is not a regex the linear-time engine \(RE2 syntax\) can run: .*\\1.*; lookarounds and backreferences are not supported$/,
    ],
    // globs
    [
      'an absolute glob',
      withRules({ file: { path: '/etc/passwd' } }),
      'spec.detection.rules[0].file.path must be a glob relative to the repository root; got absolute path "/etc/passwd"',
    ],
    [
      'a Windows drive glob',
      withRules({ file: { path: 'C:\\secrets\\*.key' } }),
      'spec.detection.rules[0].file.path must be a glob relative to the repository root; got absolute path "C:\\\\secrets\\\\*.key"',
    ],
    [
      'a glob starting with ..',
      withRules({ file: { path: '../secrets' } }),
      'spec.detection.rules[0].file.path must stay inside the repository (no ".." segments); got "../secrets"',
    ],
    [
      'a glob climbing out in the middle',
      withRules({ file: { path: 'a/../../b' } }),
      'spec.detection.rules[0].file.path must stay inside the repository (no ".." segments); got "a/../../b"',
    ],
    [
      'a glob whose range expands to 100,000 globs',
      withRules({ file: { path: '{1..100000}' } }),
      'spec.detection.rules[0].file.path must expand to at most 256 globs through its braces ({a,b}, {1..9}); got 100000',
    ],
    [
      'a glob whose braces multiply past 256',
      withRules({ file: { path: '{a,b}'.repeat(9) } }),
      'spec.detection.rules[0].file.path must expand to at most 256 globs through its braces ({a,b}, {1..9}); got 512',
    ],
    [
      'more than 100 rules',
      withRules(...Array.from({ length: 101 }, () => ({ tag: 'x' }))),
      'spec.detection.rules must list at most 100 item(s); got 101',
    ],
    // versions
    [
      'a version that is not a semver range',
      withRules({
        dependency: { ecosystem: 'npm', name: 'kafkajs', version: 'banana' },
      }),
      'spec.detection.rules[0].dependency.version must be a semver range such as ">=2.0.0" or "^1.4"; got "banana"',
    ],
    // dates
    [
      'until on a day that does not exist',
      withExemption({ until: '2027-02-30' }),
      'spec.exemptions[0].until must be a date written YYYY-MM-DD; got "2027-02-30"',
    ],
    [
      'until in words',
      withExemption({ until: 'next year' }),
      'spec.exemptions[0].until must be a date written YYYY-MM-DD; got "next year"',
    ],
    [
      'until written day first',
      withExemption({ until: '31/01/2027' }),
      'spec.exemptions[0].until must be a date written YYYY-MM-DD; got "31/01/2027"',
    ],
    [
      'an empty until, reported once',
      withExemption({ until: '' }),
      'spec.exemptions[0].until must be a non-empty string',
    ],
  ])('rejects %s', async (_case, spec, expected) => {
    expect(await problemsOf(pattern(spec))).toEqual([
      expectedLine(PATTERN, expected),
    ]);
  });

  it('reports every problem of a pattern, one line each', async () => {
    const entity = pattern({
      type: 'architecture',
      status: 'adoptt',
      owner: 'platform',
      community: 'group:default/x',
      detection: {
        rules: [
          { regex: 'x' },
          { file: { path: '../x', contains: '(?=x)' } },
          { dependency: { ecosystem: 'npm', name: 'x', version: 'banana' } },
        ],
      },
      exemptions: [{ entity: 'x', reason: 'r', until: 'next year' }],
    });
    const lines = await problemsOf(entity);
    expect(lines).toHaveLength(7);
    expect(lines.every(line => line.startsWith(PATTERN))).toBe(true);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${PATTERN}spec.status must be one of adopt, trial, assess, hold, retired; got "adoptt"`,
        `${PATTERN}spec.detection.rules[0] has unknown rule shape "regex"; expected one of sourceTemplate, tag, annotation, dependsOn, file, dependency, custom`,
        `${PATTERN}spec.community must refer to a Community; got "group:default/x"`,
        `${PATTERN}spec.detection.rules[1].file.path must stay inside the repository (no ".." segments); got "../x"`,
        expect.stringMatching(
          /^Pattern default\/event-sourcing: spec\.detection\.rules\[1\]\.file\.contains is not a regex/,
        ),
        `${PATTERN}spec.detection.rules[2].dependency.version must be a semver range such as ">=2.0.0" or "^1.4"; got "banana"`,
        `${PATTERN}spec.exemptions[0].until must be a date written YYYY-MM-DD; got "next year"`,
      ]),
    );
  });
});
