/** Return All / Limit as the user set them on a Get Many operation. */
export interface ResultLimit {
	returnAll: boolean;
	limit?: number;
}

/**
 * Drains a paged iterator into an array, stopping the moment Limit is reached: leaving the
 * for-await loop closes the generator, so no further page is requested.
 */
export async function collect<T>(
	items: AsyncIterable<T>,
	{ returnAll, limit }: ResultLimit,
): Promise<T[]> {
	const max = returnAll ? Infinity : Math.max(0, limit ?? 50);
	const out: T[] = [];
	if (max === 0) return out;
	for await (const item of items) {
		out.push(item);
		if (out.length >= max) break;
	}
	return out;
}

/** The page size to ask for: the vendor's maximum, or less when Limit needs fewer items. */
export function pageSizeFor({ returnAll, limit }: ResultLimit, maxPageSize: number): number {
	return returnAll ? maxPageSize : Math.max(1, Math.min(maxPageSize, limit ?? maxPageSize));
}

/** Page number + total count (Mazrica): `page` 1, 2, … until a short page or the total is reached. */
export async function* pageNumberWithTotal<T>(
	fetchPage: (page: number) => Promise<{ items: T[]; totalCount?: number }>,
	pageSize: number,
	firstPage = 1,
): AsyncGenerator<T> {
	let seen = 0;
	for (let page = firstPage; ; page++) {
		const { items, totalCount } = await fetchPage(page);
		yield* items;
		seen += items.length;
		if (items.length === 0 || items.length < pageSize) return;
		if (totalCount !== undefined && seen >= totalCount) return;
	}
}

/** page + per_page with current_page / last_page (Yappli). */
export async function* pageUntilLastPage<T>(
	fetchPage: (page: number) => Promise<{ items: T[]; currentPage: number; lastPage: number }>,
): AsyncGenerator<T> {
	for (let page = 1; ; page++) {
		const { items, currentPage, lastPage } = await fetchPage(page);
		yield* items;
		if (items.length === 0 || currentPage >= lastPage) return;
	}
}

/** offset + limit with a total (RODEM). */
export async function* offsetWithTotal<T>(
	fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total?: number }>,
	pageSize: number,
): AsyncGenerator<T> {
	for (let offset = 0; ; ) {
		const { items, total } = await fetchPage(offset, pageSize);
		yield* items;
		offset += items.length;
		if (items.length === 0 || items.length < pageSize) return;
		if (total !== undefined && offset >= total) return;
	}
}
