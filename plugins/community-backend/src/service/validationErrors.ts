import { InputError, isError } from '@backstage/errors';
import { ErrorRequestHandler, Request } from 'express';
import { quoteValue } from './params';

// The OpenAPI validator words its errors for machines
// ("request/query/limit must be <= 500"). This middleware, placed after the
// routes, rewords them for people: the parameter, what was expected and
// what came, like the router's own checks do.

const EXPECTED_PATTERN: Record<string, string> = {
  kind: 'an entity kind (letters and digits, starting with a letter)',
  namespace: 'an entity namespace (letters, digits and dashes)',
  name: 'an entity name (letters, digits and "-", "_" or "." between them)',
  from: 'a date written YYYY-MM-DD',
  to: 'a date written YYYY-MM-DD',
  cursor: 'the nextCursor of a previous page',
};

type Parameter = { name?: string; in?: string; $ref?: string };

type OpenApiRequestInfo = {
  pathParams?: Record<string, string>;
  schema?: { parameters?: Parameter[] };
};

/** The parts of the document used to name the expected parameters. */
export type ParameterDocument = {
  components: { parameters: Readonly<Record<string, Parameter>> };
};

function resolve(parameter: Parameter, document: ParameterDocument) {
  const ref = /^#\/components\/parameters\/(.+)$/.exec(parameter.$ref ?? '');
  return ref ? document.components.parameters[ref[1]] ?? {} : parameter;
}

function openApiInfo(req: Request): OpenApiRequestInfo | undefined {
  return (req as Request & { openapi?: OpenApiRequestInfo }).openapi;
}

function valueOf(req: Request, location: string, parameter: string) {
  const source =
    location === 'params'
      ? openApiInfo(req)?.pathParams ?? req.params
      : (req.query as Record<string, unknown>);
  return source?.[parameter];
}

function reword(
  req: Request,
  problem: string,
  document: ParameterDocument,
): string {
  const unknown = /^Unknown query parameter '(.+)'$/.exec(problem);
  if (unknown) {
    const known = (openApiInfo(req)?.schema?.parameters ?? [])
      .map(p => resolve(p, document))
      .filter(p => p.in === 'query' && p.name)
      .map(p => p.name);
    const expected = known.length
      ? `expected one of ${known.join(', ')}`
      : 'this route takes no query parameters';
    return `unknown query parameter ${quoteValue(unknown[1])}; ${expected}`;
  }
  const empty = /^Empty value found for query parameter '(.+)'$/.exec(problem);
  if (empty) {
    return `${empty[1]} must not be empty`;
  }
  const located = /^request\/(query|params)\/([^/ ]+)(?:\/\d+)? (.+)$/.exec(
    problem,
  );
  if (!located) {
    return problem;
  }
  const [, location, parameter, rest] = located;
  const expectation =
    rest.startsWith('must match pattern') && EXPECTED_PATTERN[parameter]
      ? `must be ${EXPECTED_PATTERN[parameter]}`
      : rest;
  const value = valueOf(req, location, parameter);
  const got = value === undefined ? '' : `; got ${quoteValue(value)}`;
  return `${parameter} ${expectation}${got}`;
}

/** Rewords OpenAPI validation errors; passes every other error on as is. */
export function rewordValidationErrors(
  document: ParameterDocument,
): ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (
      !isError(error) ||
      error.name !== 'InputError' ||
      !/^(request\/|Unknown query parameter|Empty value found)/.test(
        error.message,
      )
    ) {
      next(error);
      return;
    }
    const problems = error.message.split(/, (?=request\/)/);
    next(
      new InputError(problems.map(p => reword(req, p, document)).join('; ')),
    );
  };
}
