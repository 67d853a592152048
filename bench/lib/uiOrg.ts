import { Entity } from '@backstage/catalog-model';

/* Names, the organisation and the landscape of the UI benchmark's catalog. */

/** How big the generated catalog of the UI benchmark is. */
export type UiCatalogSize = {
  services: number;
  patterns: number;
  /** Users named in the community's `members`, besides the groups. */
  directParticipants: number;
  /** Groups named in `members`, each with {@link TEAM_SIZE} users. */
  participantGroups: number;
};

export const TEAM_SIZE = 10;
export const COMMUNITY = 'platform-guild';
export const DOMAINS = [
  'checkout',
  'payments',
  'fulfilment',
  'catalogue',
  'customer',
  'marketing',
  'finance',
  'data-platform',
];
export const SYSTEMS_PER_DOMAIN = 10;
export const TEMPLATES = 10;
export const RESOURCES = 20;
/** Tags a service may carry, the first ones far more common than the last. */
export const TAGS = Array.from({ length: 30 }, (_, i) => `practice-${i}`);
export const LANGUAGES = ['java', 'node', 'go', 'python', 'dotnet'];

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const serviceName = (i: number) => `svc-${pad(i, 5)}`;
export const patternName = (i: number) => `pattern-${pad(i, 3)}`;
export const userName = (i: number) => `user-${pad(i, 4)}`;
export const teamName = (i: number) => `team-${pad(i, 3)}`;
export const templateName = (i: number) => `golden-path-${i}`;
export const resourceName = (i: number) => `database-${i}`;
export const systemName = (i: number) => `system-${pad(i, 2)}`;

/** Every user is in exactly one team; participants are counted over both. */
export function teamCount(size: UiCatalogSize) {
  return (
    size.participantGroups +
    Math.ceil((size.directParticipants + 100) / TEAM_SIZE)
  );
}

export function org(size: UiCatalogSize): Entity[] {
  const teams = teamCount(size);
  const groups = Array.from({ length: teams }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: teamName(i), title: `Team ${i}` },
    spec: { type: 'team', children: [] },
  }));
  const users = Array.from({ length: teams * TEAM_SIZE }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: userName(i) },
    spec: {
      profile: {
        displayName: `User ${i}`,
        email: `${userName(i)}@example.com`,
      },
      memberOf: [teamName(Math.floor(i / TEAM_SIZE))],
    },
  }));
  return [...groups, ...users];
}

export function landscape(): Entity[] {
  const domains = DOMAINS.map((name, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name, title: `Value stream ${name}` },
    spec: { owner: `group:default/${teamName(i)}` },
  }));
  const systems = Array.from(
    { length: DOMAINS.length * SYSTEMS_PER_DOMAIN },
    (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: systemName(i) },
      spec: {
        owner: `group:default/${teamName(i % 40)}`,
        domain: DOMAINS[i % DOMAINS.length],
      },
    }),
  );
  const resources = Array.from({ length: RESOURCES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: resourceName(i) },
    spec: { type: 'database', owner: `group:default/${teamName(i)}` },
  }));
  return [...domains, ...systems, ...resources];
}

export function communities(size: UiCatalogSize): Entity[] {
  const direct = Array.from(
    { length: size.directParticipants },
    (_, i) =>
      `user:default/${userName(size.participantGroups * TEAM_SIZE + i)}`,
  );
  const groups = Array.from(
    { length: size.participantGroups },
    (_, i) => `group:default/${teamName(i)}`,
  );
  const big: Entity = {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: {
      name: COMMUNITY,
      title: 'Platform Guild',
      description: 'Everyone who builds and runs services on the platform',
      links: [
        {
          url: 'https://chat.example.com/platform',
          title: '#platform',
          type: 'chat',
        },
        {
          url: 'https://wiki.example.com/platform',
          title: 'Wiki',
          type: 'docs',
        },
      ],
    },
    spec: {
      type: 'guild',
      domain: 'Building, running and evolving services on the platform',
      owner: `group:default/${teamName(0)}`,
      leads: direct.slice(0, 5),
      members: [...groups, ...direct],
      valueStreams: DOMAINS.map(d => `domain:default/${d}`),
      services: Array.from(
        { length: 50 },
        (_, k) => `component:default/${serviceName((k * 197) % size.services)}`,
      ),
      rhythm: {
        frequency: 'biweekly',
        durationMinutes: 60,
        timeZones: ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'],
      },
      objectives: [
        {
          title: 'Every production service on the golden paths',
          url: 'https://okr.example.com/1',
        },
      ],
      timeAllocationPercent: 10,
    },
  };
  const chapters = ['frontend', 'data'].map((name, i) => ({
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: {
      name: `${COMMUNITY}-${name}`,
      title: `Platform Guild: ${name}`,
    },
    spec: {
      type: 'chapter',
      domain: `The ${name} side of the platform`,
      owner: `group:default/${teamName(i + 1)}`,
      leads: [direct[i + 5]],
      members: direct.slice(10 + i * 20, 30 + i * 20),
      parent: `community:default/${COMMUNITY}`,
    },
  }));
  return [big, ...chapters];
}

export function templates(): Entity[] {
  return Array.from({ length: TEMPLATES }, (_, i) => ({
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: templateName(i),
      title: `Golden path ${i}`,
      annotations: { 'copkit.io/community': `community:default/${COMMUNITY}` },
    },
    spec: {
      owner: `group:default/${teamName(0)}`,
      type: 'service',
      parameters: [
        {
          title: 'About the service',
          required: ['name'],
          properties: { name: { title: 'Name', type: 'string' } },
        },
      ],
      steps: [
        {
          id: 'log',
          name: 'Log',
          action: 'debug:log',
          input: { message: 'Hello' },
        },
      ],
    },
  }));
}

/** Every entity of the UI benchmark's catalog, by file name. */
