import type { DataSource } from 'typeorm';
import { flatColumns, readFlatSql } from '../../shared/db/plain-rows';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { GeocodeCacheEntry } from './geocode-cache.entity';
import { TravelQuote } from './travel-quote.entity';

export type NewTravelQuote = Omit<TravelQuote, 'id' | 'createdAt' | 'globalId' | 'bandLabel'>;

export interface CachedGeocode {
  formattedAddress: string;
  lat: number;
  lng: number;
  raw: unknown;
}

/** Travel quotes and the geocode cache: the only code that knows how they are stored. */
export class TravelRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  insertQuote(tx: Tx, fields: NewTravelQuote): Promise<TravelQuote> {
    const manager = this.manager(tx);
    return manager.save(manager.create(TravelQuote, fields));
  }

  /** Newest first. */
  listQuotes(args: ConnectionArgs): Promise<Connection<TravelQuote>> {
    const query = this.manager().createQueryBuilder(TravelQuote, 'quote');
    return paginate({ query, alias: 'quote', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  async findQuotesByIds(ids: readonly string[]): Promise<TravelQuote[]> {
    // Read flat: a page of bookings asks for fifty quotes at a time.
    if (ids.length === 0) return [];
    return readFlatSql(this.manager(), TravelQuote, `SELECT ${flatColumns(this.dataSource, TravelQuote)} FROM travel_quote WHERE id = ANY($1)`, [ids]);
  }

  /** A geocode of this address by this provider made after `notBefore`, if any. */
  async findGeocode(provider: string, normalizedAddress: string, notBefore: Date): Promise<CachedGeocode | undefined> {
    const entry = await this.manager()
      .createQueryBuilder(GeocodeCacheEntry, 'entry')
      .where('entry.provider = :provider AND entry.normalized_address = :normalizedAddress AND entry.geocoded_at >= :notBefore', { provider, normalizedAddress, notBefore })
      .getOne();
    return entry ? { formattedAddress: entry.formattedAddress, lat: entry.latitude, lng: entry.longitude, raw: entry.raw } : undefined;
  }

  /** Stores a geocode, replacing an older one of the same address (two quotes racing both write the same answer). */
  async saveGeocode(provider: string, normalizedAddress: string, geocode: CachedGeocode): Promise<void> {
    await this.manager()
      .createQueryBuilder()
      .insert()
      .into(GeocodeCacheEntry)
      .values({ provider, normalizedAddress, formattedAddress: geocode.formattedAddress, latitude: geocode.lat, longitude: geocode.lng, raw: geocode.raw as object, geocodedAt: () => 'now()' })
      .orUpdate(['formatted_address', 'latitude', 'longitude', 'raw', 'geocoded_at'], ['provider', 'normalized_address'])
      .execute();
  }
}
