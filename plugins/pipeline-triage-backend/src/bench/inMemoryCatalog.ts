import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

type Filter = Record<string, string | symbol | Array<string | symbol>>;

/** The value at a filter key; annotation keys contain dots, so they are split off first. */
function valueAt(entity: Entity, key: string): unknown {
  const lower = key.toLocaleLowerCase('en-US');
  if (lower.startsWith('metadata.annotations.'))
    return entity.metadata.annotations?.[
      key.slice('metadata.annotations.'.length)
    ];
  return lower
    .split('.')
    .reduce<any>((v, part) => (v === undefined ? v : v[part]), entity);
}

function matches(entity: Entity, filter: Filter): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    const value = valueAt(entity, key);
    if (value === undefined) return false;
    const options = Array.isArray(wanted) ? wanted : [wanted];
    return options.some(
      o =>
        o === CATALOG_FILTER_EXISTS ||
        String(value).toLocaleLowerCase('en-US') ===
          String(o).toLocaleLowerCase('en-US'),
    );
  });
}

function project(entity: Entity, fields: string[] | undefined): Entity {
  if (!fields) return entity;
  const out: any = {};
  for (const field of fields) {
    const parts = field.split('.');
    let from: any = entity;
    let to = out;
    for (let i = 0; i < parts.length && from !== undefined; i++) {
      from = from[parts[i]];
      if (from === undefined) break;
      if (i === parts.length - 1) to[parts[i]] = from;
      else to = to[parts[i]] ??= {};
    }
  }
  return out;
}

/**
 * A catalog for the linker benchmark: the catalog's paging contract (filter alternatives,
 * fields, limit and cursor) over entities held in memory, so 30,000 entities need no database.
 */
function filtersOf(request: any): Filter[] {
  if (!request?.filter) return [{}];
  return Array.isArray(request.filter) ? request.filter : [request.filter];
}

export function inMemoryCatalog(
  entities: Entity[],
): CatalogService & { reads: number; returned: number } {
  const stats = { reads: 0, returned: 0 };
  const cursors: Entity[][] = [];
  const page = (
    list: Entity[],
    offset: number,
    limit: number,
    fields: string[] | undefined,
  ) => {
    stats.reads++;
    const items = list
      .slice(offset, offset + limit)
      .map(e => project(e, fields));
    stats.returned += items.length;
    const next =
      offset + limit < list.length
        ? JSON.stringify({ offset: offset + limit, key: cursors.length })
        : undefined;
    if (next) cursors.push(list);
    return { items, totalItems: list.length, pageInfo: { nextCursor: next } };
  };
  const catalog = {
    get reads() {
      return stats.reads;
    },
    get returned() {
      return stats.returned;
    },
    async queryEntities(request: any) {
      if (request?.cursor) {
        const { offset, key } = JSON.parse(request.cursor);
        return page(cursors[key], offset, request.limit ?? 500, request.fields);
      }
      const filters = filtersOf(request);
      const list = entities.filter(e => filters.some(f => matches(e, f)));
      return page(list, 0, request?.limit ?? 500, request?.fields);
    },
    async getEntities(request: any) {
      stats.reads++;
      const filters = filtersOf(request);
      const items = entities
        .filter(e => filters.some(f => matches(e, f)))
        .map(e => project(e, request?.fields));
      stats.returned += items.length;
      return { items };
    },
  };
  return catalog as unknown as CatalogService & {
    reads: number;
    returned: number;
  };
}
