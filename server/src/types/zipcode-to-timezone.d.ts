declare module 'zipcode-to-timezone' {
  /** The IANA zone of a US ZIP code, or null when the package does not know it. */
  export function lookup(zip: string): string | null;
}
