import { ResponseError } from '@backstage/errors';

/**
 * What the server said went wrong (for example which permission is
 * missing), rather than the generic "Request failed with 403".
 */
export function serverMessage(error: Error): string {
  return ResponseError.is(error) ? error.cause.message : error.message;
}
