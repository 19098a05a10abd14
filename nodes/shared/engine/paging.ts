import type { IDataObject } from 'n8n-workflow';

import type { EndpointSpec, PageRun, Pager } from './types';

/** Thrown when a vendor hands back a page token it already gave, which would loop forever. */
export class PageTokenRepeated extends Error {}

/**
 * Every record of a paged list, page after page as the pager hands out tokens. Lazy: leaving the
 * loop (Limit reached) requests no further page.
 */
export async function* pagedRecords<E extends EndpointSpec>(
	pager: Pager<E>,
	run: PageRun<E>,
): AsyncGenerator<IDataObject> {
	const seen = new Set<string>();
	let token: string | undefined;
	for (;;) {
		const { items, next } = await pager.page(run, token);
		yield* items;
		if (next === undefined) return;
		if (seen.has(next)) throw new PageTokenRepeated(`The page token ${next} repeated`);
		seen.add(next);
		token = next;
	}
}

/**
 * `next_*` cursor keys (cyzen): after each page every top-level key starting with the prefix
 * that holds a value is sent back under the same name with the original parameters; none means
 * the last page. Several keys travel together (cyzen's two-key report cursor). The token is the
 * cursor as JSON.
 */
export function nextKeyPager<E extends EndpointSpec>(prefix = 'next_'): Pager<E> {
	return {
		async page(run, token) {
			const cursor = token ? (JSON.parse(token) as IDataObject) : {};
			const response = (await run.send({
				method: run.endpoint.method,
				path: run.request.path,
				qs: { ...run.request.qs, ...cursor },
			})) as IDataObject | undefined;
			const body = response ?? {};
			const list = run.endpoint.paged ? body[run.endpoint.paged.listKey] : undefined;
			const next: Record<string, string> = {};
			for (const [key, value] of Object.entries(body)) {
				if (key.startsWith(prefix) && value !== null && value !== undefined && value !== '')
					next[key] = String(value);
			}
			return {
				items: Array.isArray(list) ? (list as IDataObject[]) : [],
				next: Object.keys(next).length > 0 ? JSON.stringify(next) : undefined,
			};
		},
	};
}
