import { registerEnumType } from 'type-graphql';

/** What an integrator API key may do. Each resolver names the scope that lets a key call it. */
export enum ApiScope {
  EXTENSIONS_READ = 'EXTENSIONS_READ',
  EXTENSIONS_WRITE = 'EXTENSIONS_WRITE',
  BOOKINGS_READ = 'BOOKINGS_READ',
  BOOKINGS_WRITE = 'BOOKINGS_WRITE',
  /** Quote travel fees (quoteTravel) and read stored quotes (travelQuotes). */
  TRAVEL_READ = 'TRAVEL_READ',
  /** Read terms versions, acknowledgments and the evidence trail. */
  TERMS_READ = 'TERMS_READ',
  /** Record a customer's acceptance of the terms (a website booking form). */
  TERMS_WRITE = 'TERMS_WRITE',
  /** Read customers (their identities, the audit of merges) and search customers, threads and messages. */
  CUSTOMERS_READ = 'CUSTOMERS_READ',
  /** Correct a customer's name and merge two records of the same person. */
  CUSTOMERS_WRITE = 'CUSTOMERS_WRITE',
  /** Take payments: make a booking's deposit checkout link (createDepositCheckout). */
  PAYMENTS_WRITE = 'PAYMENTS_WRITE',
}
registerEnumType(ApiScope, { name: 'ApiScope' });
