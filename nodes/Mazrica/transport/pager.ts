import type { Pager } from '@japan-saas/shared/engine';
import { pageSizeFor } from '@japan-saas/shared/transport';

import type { MazricaEndpoint } from '../endpoints/schema';
import { pageFromBody } from './list-page';

/**
 * Mazrica's pages (spec §5): `page` 1, 2, … until a short page or `totalCount` is reached; the
 * token is the next page number; the first page's `totalCount` names the rest, which are then
 * requested several at a time (the burst of 100 is there to be used). `GET /deals` takes its page size as `limit` (up to 1,000): fewer
 * requests for Return All. Search endpoints are POSTs that send `page` in the body and only read,
 * so they are safe to repeat. A bare array is a last page (quirk Q4).
 */
export const mazricaPager: Pager<MazricaEndpoint> = {
	async page({ endpoint, request, limit, send }, token) {
		const paged = endpoint.paged;
		if (!paged) throw new Error(`${endpoint.path} is not paged`);
		const page = Number(token ?? 1);
		const pageSize = paged.maxPageSizeViaLimit
			? pageSizeFor(limit, paged.maxPageSizeViaLimit)
			: paged.pageSize;
		const qs = {
			...request.qs,
			...(paged.pageInBody ? {} : { page }),
			...(paged.maxPageSizeViaLimit ? { limit: pageSize } : {}),
		};
		const response = await send(
			paged.pageInBody
				? {
						method: endpoint.method,
						path: request.path,
						qs,
						body: { ...request.body, page },
						idempotent: true,
					}
				: { method: 'GET', path: request.path, qs },
		);
		const { items, totalCount } = pageFromBody(response, paged.listKey);
		const full = items.length > 0 && items.length >= pageSize;
		const more = full && (totalCount === undefined || page * pageSize < totalCount);
		const next = more ? String(page + 1) : undefined;
		if (token !== undefined || !more || totalCount === undefined) return { items, next };
		// The first page tells the total: the pages this run still needs can go at once.
		const wanted = limit.returnAll ? totalCount : Math.min(totalCount, limit.limit ?? pageSize);
		const lastPage = Math.ceil(wanted / pageSize);
		const rest = Array.from({ length: lastPage - page }, (_, i) => String(page + 1 + i));
		return { items, next, ...(rest.length > 0 ? { rest } : {}) };
	},
};
