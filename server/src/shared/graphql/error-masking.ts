import type { GraphQLFormattedError } from 'graphql';

/**
 * Errors a caller can act on keep their message and code; anything else (a bug, a database
 * hiccup) is replaced by a generic message carrying the request id, and logged in full.
 */
export const PUBLIC_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COSTLY',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function isPublicError(error: GraphQLFormattedError): boolean {
  return PUBLIC_ERROR_CODES.has(String(error.extensions?.code));
}

export function maskError(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  if (isPublicError(error)) return error;
  return {
    message: `Internal server error. Quote request id ${requestId} when reporting it.`,
    locations: error.locations,
    path: error.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * graphql-js ends a validation or input error with "Did you mean …?", naming fields, arguments,
 * enum values and input fields of the schema. In production, where introspection is refused,
 * that would hand the schema out piece by piece to anyone: the suggestion is dropped there.
 */
export function withoutSuggestions<T extends { message: string }>(error: T): T {
  const message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return message === error.message ? error : { ...error, message };
}
