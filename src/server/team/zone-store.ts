/**
 * Each person's time zone, as our server keeps it for the manager's desk: the zone their own
 * browser last reported, and the manager's override. It lives in the sign-in store's database
 * (SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL: sqlite-zone-store.ts,
 * postgres-zone-store.ts), in a table of its own with its own migrations; both backends keep the
 * promises of testing/zone-store-suite.ts.
 */

export interface StoredZone {
  userId: string;
  /** What the person's browser reported, and when; null until it has. */
  browserZone: string | null;
  browserReportedAt: number | null;
  /** The manager's override, who set it and when; null when there is none. */
  managerZone: string | null;
  managerSetBy: string | null;
  managerSetAt: number | null;
}

export interface ZoneStore {
  /** Every person of the organization with a stored zone. */
  listZones(organizationId: string): Promise<StoredZone[]>;
  reportBrowserZone(organizationId: string, userId: string, zone: string, at: number): Promise<void>;
  setManagerZone(organizationId: string, userId: string, zone: string, setBy: string, at: number): Promise<void>;
  /** Removes the override; the browser's zone (if any) applies again. */
  clearManagerZone(organizationId: string, userId: string): Promise<void>;
  close(): Promise<void>;
}

export type ZoneSource = 'manager' | 'browser' | 'demo';

/** The zone that counts: the manager's, else the browser's, else the demo user's. */
export function effectiveZone(stored: StoredZone | undefined, demoZone: string | undefined): { zone: string; source: ZoneSource } | null {
  if (stored?.managerZone) return { zone: stored.managerZone, source: 'manager' };
  if (stored?.browserZone) return { zone: stored.browserZone, source: 'browser' };
  if (demoZone) return { zone: demoZone, source: 'demo' };
  return null;
}
