import { ErrorObject } from 'ajv';

/** Turns ajv's `/spec/detection/rules/2/file` into `spec.detection.rules[2].file`. */
export function toFieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment)
          ? `${path}[${segment}]`
          : `${path}${path ? '.' : ''}${segment}`,
      '',
    );
}

/** A short, quoted description of a value for "got ..." phrases. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function closestKey(key: string, allowed: string[]): string | undefined {
  const normalized = key.toLowerCase().replace(/[-_\s]/g, '');
  return allowed.find(
    candidate => candidate.toLowerCase().replace(/[-_\s]/g, '') === normalized,
  );
}

function isRuleSchema(schema: unknown): boolean {
  const s = schema as { maxProperties?: number; properties?: object };
  return s?.maxProperties === 1 && !!s.properties;
}

function unknownKey(error: ErrorObject, path: string): string {
  const key = (error.params as { additionalProperty: string })
    .additionalProperty;
  const allowed = Object.keys(
    (error.parentSchema as { properties?: object })?.properties ?? {},
  );
  const where = path || 'the entity';
  if (isRuleSchema(error.parentSchema)) {
    return `${where} has unknown rule shape "${key}"; expected one of ${allowed.join(
      ', ',
    )}`;
  }
  const suggestion = closestKey(key, allowed);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return `${where} has unknown key "${key}"${hint}; expected one of ${allowed.join(
    ', ',
  )}`;
}

function ruleShapeCount(error: ErrorObject, path: string): string {
  const shapes = Object.keys(
    (error.parentSchema as { properties?: object })?.properties ?? {},
  ).join(', ');
  const present = Object.keys((error.data as object) ?? {});
  if (error.keyword === 'minProperties') {
    return `${path} is empty; a rule must have exactly one of ${shapes}`;
  }
  return `${path} has ${present.length} shapes at once (${present.join(
    ', ',
  )}); a rule must have exactly one of ${shapes}`;
}

function range(error: ErrorObject, path: string): string {
  const schema = error.parentSchema as { minimum?: number; maximum?: number };
  const bounds =
    schema.minimum !== undefined && schema.maximum !== undefined
      ? `between ${schema.minimum} and ${schema.maximum}`
      : `${error.keyword === 'minimum' ? 'at least' : 'at most'} ${
          (error.params as { limit: number }).limit
        }`;
  return `${path} must be ${bounds}; got ${describeValue(error.data)}`;
}

/** One plain-English sentence per schema violation, naming the field path. */
export function formatSchemaError(error: ErrorObject): string {
  const path = toFieldPath(error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string })
        .missingProperty;
      return `${path ? `${path}.` : ''}${missing} is required`;
    }
    case 'additionalProperties':
      return unknownKey(error, path);
    case 'minProperties':
    case 'maxProperties':
      return isRuleSchema(error.parentSchema)
        ? ruleShapeCount(error, path)
        : `${path} ${error.message}`;
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] })
        .allowedValues;
      return `${path} must be one of ${allowed.join(', ')}; got ${describeValue(
        error.data,
      )}`;
    }
    case 'type': {
      const type = (error.params as { type: string }).type;
      return `${path} must be ${TYPE_WORDS[type] ?? type}; got ${describeValue(
        error.data,
      )}`;
    }
    case 'minLength':
      return `${path} must be a non-empty string`;
    case 'minItems':
      return `${path} must list at least ${
        (error.params as { limit: number }).limit
      } item(s)`;
    case 'maxItems':
      return `${path} must list at most ${
        (error.params as { limit: number }).limit
      } item(s); got ${Array.isArray(error.data) ? error.data.length : '?'}`;
    case 'minimum':
    case 'maximum':
      return range(error, path);
    default:
      return `${path} ${error.message}`;
  }
}
