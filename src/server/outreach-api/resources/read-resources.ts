/**
 * `GET /{collection}` and `GET /{collection}/{id}` for any resource type: a JSON:API document
 * with `data`, `included` when asked, `links` (`first`, and `next` while more rows follow) and
 * `meta.count` with `count=true`.
 */
import type { Context } from 'hono';
import { readCollectionQuery } from '../http/collection-query';
import { type CollectionSpec, readKeysetPage } from '../http/keyset-page';
import { type OutreachApiDeps, jsonApi } from '../http/outreach-api-env';
import { resourceNotFound } from '../http/outreach-api-error';
import { includableOf, includedResources, resourceObject } from './json-api-document';
import type { ResourceType, Row } from './resource-types';

export function apiBase(deps: OutreachApiDeps): string {
  return `${deps.publicUrl}/api/v2`;
}

/** The request's own URL on the public origin, with `page[after]` replaced. */
function pageLink(deps: OutreachApiDeps, c: Context, after: string | null): string {
  const url = new URL(c.req.url);
  const link = new URL(`${deps.publicUrl}${url.pathname}`);
  for (const [k, v] of url.searchParams) if (k !== 'page[after]') link.searchParams.append(k, v);
  if (after !== null) link.searchParams.set('page[after]', after);
  return link.toString();
}

export function listResources(deps: OutreachApiDeps, def: ResourceType, spec: CollectionSpec) {
  const includable = includableOf(def);
  return (c: Context) => {
    const query = readCollectionQuery(c.req.query());
    const base = apiBase(deps);
    const page = readKeysetPage<Row>(deps.db, spec, query);
    const included = includedResources(deps.db, def, page.rows, query.include, includable, base, query.fields);
    const links: Record<string, string> = { first: pageLink(deps, c, null) };
    if (page.nextCursor !== null) links.next = pageLink(deps, c, page.nextCursor);
    return jsonApi(c, {
      data: page.rows.map((row) => resourceObject(def, row, base, query.fields)),
      ...(query.include.length ? { included } : {}),
      links,
      ...(page.count !== null ? { meta: { count: page.count, count_truncated: false } } : {}),
    });
  };
}

export function readRow(deps: OutreachApiDeps, def: ResourceType, rawId: string): Row {
  const row = /^\d{1,15}$/.test(rawId)
    ? (deps.db.prepare(`SELECT * FROM ${def.table} WHERE id = ?`).get(Number(rawId)) as Row | undefined)
    : undefined;
  if (!row) throw resourceNotFound(def.type, rawId);
  return row;
}

/** One resource as a document, with `include` and `fields` as on a list. */
export function resourceDocument(deps: OutreachApiDeps, c: Context, def: ResourceType, row: Row) {
  const query = readCollectionQuery(c.req.query());
  const base = apiBase(deps);
  const included = includedResources(deps.db, def, [row], query.include, includableOf(def), base, query.fields);
  return { data: resourceObject(def, row, base, query.fields), ...(query.include.length ? { included } : {}) };
}

export function getResource(deps: OutreachApiDeps, def: ResourceType) {
  return (c: Context) => jsonApi(c, resourceDocument(deps, c, def, readRow(deps, def, c.req.param('id') ?? '')));
}
