import type { EntityManager } from 'typeorm';

/**
 * A round-robin rotation kept in PostgreSQL (`routing_rotation`), so it is shared by every
 * instance and survives restarts. `lock` serialises choosers of the same rotation until their
 * transaction ends; read the last number handed out, then advance it once the choice stands.
 */
export const rotation = {
  async lock(manager: EntityManager, name: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rotation:${name}`]);
  },

  async last(manager: EntityManager, name: string): Promise<number | null> {
    const rows: Array<{ last_number: number }> = await manager.query('SELECT last_number FROM routing_rotation WHERE name = $1', [name]);
    return rows[0]?.last_number ?? null;
  },

  async advance(manager: EntityManager, name: string, lastNumber: number): Promise<void> {
    await manager.query(
      `INSERT INTO routing_rotation (name, last_number) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_number = EXCLUDED.last_number`,
      [name, lastNumber],
    );
  },
};
