/**
 * Resource objects and compound documents: sparse fieldsets (`fields[type]` picks attributes and
 * relationships alike, keyed by the resource's type, not the relationship's name) and `include`,
 * whose resources go once each into `included`.
 */
import type { Db } from '../../db/open-database';
import { badParameter } from '../http/outreach-api-error';
import { RESOURCE_BY_TYPE, type ResourceType, type Row } from './resource-types';

export type ResourceObject = {
  type: string;
  id: number;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
  links: { self: string };
};

export function resourceObject(def: ResourceType, row: Row, base: string, fields: Map<string, Set<string>>): ResourceObject {
  const only = fields.get(def.type);
  const pick = <T>(all: Record<string, T>): Record<string, T> =>
    only ? Object.fromEntries(Object.entries(all).filter(([k]) => only.has(k))) : all;
  return {
    type: def.type,
    id: row.id,
    attributes: pick(def.attributes(row)),
    relationships: pick(def.relationships(row, base)),
    links: { self: `${base}/${def.path}/${row.id}` },
  };
}

/**
 * The resources named by `include` (one level of relationships, as listed in `allowed`) for the
 * given primary rows, each once.
 */
export function includedResources(
  db: Db,
  def: ResourceType,
  rows: readonly Row[],
  include: readonly string[],
  allowed: readonly string[],
  base: string,
  fields: Map<string, Set<string>>,
): ResourceObject[] {
  if (include.length === 0) return [];
  const wanted = new Map<string, Set<number>>();
  for (const name of include) {
    if (!allowed.includes(name)) throw badParameter('include', `${name} cannot be included here; includable: ${allowed.join(', ')}.`);
  }
  const relationshipsOf = rows.map((row) => def.relationships(row, base));
  for (const name of include) {
    for (const relationships of relationshipsOf) {
      const rel = relationships[name];
      const data = rel && 'data' in rel ? rel.data : null;
      if (!data) continue;
      let ids = wanted.get(data.type);
      if (!ids) wanted.set(data.type, (ids = new Set()));
      ids.add(data.id);
    }
  }
  const out: ResourceObject[] = [];
  for (const [type, ids] of wanted) {
    const related = RESOURCE_BY_TYPE.get(type);
    if (!related || ids.size === 0) continue;
    const all = [...ids];
    for (let i = 0; i < all.length; i += 500) {
      const chunk = all.slice(i, i + 500);
      const found = db.prepare(`SELECT * FROM ${related.table} WHERE id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`).all(...chunk) as Row[];
      for (const r of found) out.push(resourceObject(related, r, base, fields));
    }
  }
  return out;
}

/** The relationships of a type that `include` may name (to-one ones). */
export function includableOf(def: ResourceType): string[] {
  const sample = def.relationships({ id: 0 } as Row, '');
  return Object.entries(sample).filter(([, rel]) => 'data' in rel).map(([name]) => name).filter((n) => n !== 'opportunity');
}
