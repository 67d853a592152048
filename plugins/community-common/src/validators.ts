import { KindValidator } from '@backstage/catalog-model';
import { COPKIT_API_VERSION } from './constants';
import communitySchema from './schema/Community.v1alpha1.schema.json';
import patternSchema from './schema/Pattern.v1alpha1.schema.json';
import { createKindValidator } from './validation/createKindValidator';
import {
  communitySpecProblems,
  patternSpecProblems,
} from './validation/kindChecks';

/**
 * JSON schema of the Community kind (`copkit.io/v1alpha1`).
 *
 * @public
 */
export const communityEntityV1alpha1Schema: object = communitySchema;

/**
 * JSON schema of the Pattern kind (`copkit.io/v1alpha1`).
 *
 * @public
 */
export const patternEntityV1alpha1Schema: object = patternSchema;

/**
 * Validates Community entities. `check` resolves `false` for other kinds and
 * apiVersions, `true` for a valid Community, and rejects with an `InputError`
 * whose message names the entity, each field path and what was expected.
 *
 * @public
 */
export const communityEntityV1alpha1Validator: KindValidator =
  createKindValidator({
    apiVersion: COPKIT_API_VERSION,
    kind: 'Community',
    schema: communitySchema,
    specProblems: communitySpecProblems,
  });

/**
 * Validates Pattern entities; see {@link communityEntityV1alpha1Validator}.
 *
 * @public
 */
export const patternEntityV1alpha1Validator: KindValidator =
  createKindValidator({
    apiVersion: COPKIT_API_VERSION,
    kind: 'Pattern',
    schema: patternSchema,
    specProblems: patternSpecProblems,
  });
