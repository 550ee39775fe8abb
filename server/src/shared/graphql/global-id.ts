/**
 * Relay-style global ids: base64url of "<Type>:<uuid>", so any object can be found by
 * its id alone and an id of one type is never mistaken for another.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: string, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

/** The local uuid behind a global id of the expected type, or undefined when it is not one. */
export function fromGlobalId(expectedType: string, globalId: string): string | undefined {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0 || decoded.slice(0, separator) !== expectedType) return undefined;
  const localId = decoded.slice(separator + 1);
  return UUID.test(localId) ? localId.toLowerCase() : undefined;
}
