import { Entity, KindValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import Ajv from 'ajv';
import { formatSchemaError } from './schemaErrors';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });

/** What makes up a kind's validator: its schema and the checks beyond it. */
export interface KindValidatorOptions {
  apiVersion: string;
  kind: string;
  schema: object;
  specProblems: (spec: Record<string, any>) => string[];
}

/** How an entity is named in messages: `Community default/payment-experience`. */
export function describeEntity(entity: Entity): string {
  const namespace = entity.metadata?.namespace ?? 'default';
  return `${entity.kind} ${namespace}/${entity.metadata?.name ?? '<unnamed>'}`;
}

/**
 * Lists every problem with an entity of the validator's kind: first what the
 * JSON schema finds, then the checks it cannot express (refs, regexes, ...).
 */
export function createProblemFinder(options: KindValidatorOptions) {
  // Compiled once; validation runs for every entity on every processing loop.
  const validate = ajv.compile(options.schema);
  return (entity: Entity): string[] => {
    const schemaProblems = validate(entity)
      ? []
      : (validate.errors ?? []).map(formatSchemaError);
    const spec =
      entity.spec && typeof entity.spec === 'object' ? entity.spec : {};
    const extra = options.specProblems(spec as Record<string, any>);
    return [...new Set([...schemaProblems, ...extra])];
  };
}

/**
 * A catalog `KindValidator`: `false` for entities of other kinds or
 * apiVersions (so other processors may claim them), `true` for valid ones,
 * and an `InputError` naming the entity and every problem otherwise.
 */
export function createKindValidator(
  options: KindValidatorOptions,
): KindValidator {
  const findProblems = createProblemFinder(options);
  return {
    async check(entity: Entity) {
      if (
        entity.apiVersion !== options.apiVersion ||
        entity.kind !== options.kind
      ) {
        return false;
      }
      const problems = findProblems(entity);
      if (problems.length > 0) {
        const name = describeEntity(entity);
        throw new InputError(problems.map(p => `${name}: ${p}`).join('\n'));
      }
      return true;
    },
  };
}
