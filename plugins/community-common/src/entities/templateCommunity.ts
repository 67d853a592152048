import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ANNOTATION_COMMUNITY } from '../constants';
import { refProblem } from '../validation/fieldChecks';
import { parseSpecRef } from '../refs';

const COMMUNITY = { defaultKind: 'Community', allowedKinds: ['Community'] };

/**
 * The community a scaffolder Template is published by, from its
 * `copkit.io/community` annotation; `undefined` when it has none. A value
 * that is not a Community ref is an `InputError` naming the annotation.
 *
 * @public
 */
export function getTemplateCommunityRef(
  template: Entity,
): CompoundEntityRef | undefined {
  const value = template.metadata.annotations?.[ANNOTATION_COMMUNITY];
  if (value === undefined) return undefined;
  const namespace = template.metadata.namespace ?? 'default';
  const problem =
    value === ''
      ? 'must be an entity ref such as "community:default/name" (kind defaults to Community); got ""'
      : refProblem(value, COMMUNITY);
  if (problem) {
    throw new InputError(
      `${template.kind} ${namespace}/${template.metadata.name}: metadata.annotations["${ANNOTATION_COMMUNITY}"] ${problem}`,
    );
  }
  return parseSpecRef(value, { defaultKind: 'Community', holder: template });
}
