import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Geocodes already paid for, by provider and normalized address, so the same address is not
 * geocoded twice. Entries older than TRAVEL_GEOCODE_CACHE_DAYS are asked again (Google allows
 * keeping coordinates for 30 days).
 */
@Entity({ name: 'geocode_cache' })
export class GeocodeCacheEntry {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  provider!: string;

  @PrimaryColumn({ type: 'varchar', length: 300, name: 'normalized_address' })
  normalizedAddress!: string;

  @Column({ type: 'varchar', length: 500, name: 'formatted_address' })
  formattedAddress!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'jsonb' })
  raw!: unknown;

  @UpdateDateColumn({ type: 'timestamptz', name: 'geocoded_at' })
  geocodedAt!: Date;
}
