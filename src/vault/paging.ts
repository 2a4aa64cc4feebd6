// Paging of every list the API returns (issue #22): offset + limit over a list in a stable
// order, with the total and where the next page starts, so that no screen or CLI ever receives
// a decade of records in one answer.

/** Which page: items [offset, offset + limit). Defaults: offset 0, limit PAGE_LIMIT.default. */
export interface PageRequest {
  offset?: number;
  limit?: number;
}

/** A page: `total` items matched in all; `nextOffset` is absent on the last page. */
export interface PageInfo {
  total: number;
  nextOffset?: number;
}

/** Default and largest page size of every listing (the contract enforces the same bounds). */
export const PAGE_LIMIT = { default: 200, max: 1000 } as const;

/** Slices an already sorted list into one page. */
export function pageOf<T>(items: readonly T[], page: PageRequest): { items: T[] } & PageInfo {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.min(Math.max(1, page.limit ?? PAGE_LIMIT.default), PAGE_LIMIT.max);
  const end = offset + limit;
  return {
    items: items.slice(offset, end),
    total: items.length,
    ...(end < items.length ? { nextOffset: end } : {}),
  };
}
