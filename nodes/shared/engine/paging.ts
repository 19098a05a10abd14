import type { IDataObject } from 'n8n-workflow';

import type { EndpointSpec, PageResult, PageRun, Pager } from './types';

/** Thrown when a vendor hands back a page token it already gave, which would loop forever. */
export class PageTokenRepeated extends Error {}

/** How many pages of a known total are requested at once (the throttle still paces each). */
export const PAGES_IN_FLIGHT = 4;

/**
 * Every record of a paged list, page after page as the pager hands out tokens. Lazy: leaving the
 * loop (Limit reached) requests no further page. When a page names the rest (`rest`), those are
 * requested up to PAGES_IN_FLIGHT at a time and handed out in order; a short page among them
 * ends the list as it would page by page.
 */
export async function* pagedRecords<E extends EndpointSpec>(
	pager: Pager<E>,
	run: PageRun<E>,
): AsyncGenerator<IDataObject> {
	const seen = new Set<string>();
	let token: string | undefined;
	for (;;) {
		const first = await pager.page(run, token);
		let last: PageResult = first;
		if (first.rest?.length) {
			yield* first.items;
			for await (const page of pagesAtOnce(pager, run, first.rest)) {
				last = page;
				yield* page.items;
				if (page.next === undefined) break;
			}
		} else {
			yield* first.items;
		}
		const { next } = last;
		if (next === undefined) return;
		if (seen.has(next)) throw new PageTokenRepeated(`The page token ${next} repeated`);
		seen.add(next);
		token = next;
	}
}

/** The pages of `tokens` in order, up to PAGES_IN_FLIGHT requested ahead of the one handed out. */
async function* pagesAtOnce<E extends EndpointSpec>(
	pager: Pager<E>,
	run: PageRun<E>,
	tokens: string[],
): AsyncGenerator<PageResult> {
	const inFlight: Array<Promise<PageResult>> = [];
	let started = 0;
	const fill = () => {
		while (started < tokens.length && inFlight.length < PAGES_IN_FLIGHT) {
			const page = pager.page(run, tokens[started++]);
			// Awaited below in order; one left behind (an earlier page failed, Limit reached) must
			// not surface as an unhandled rejection.
			page.catch(() => undefined);
			inFlight.push(page);
		}
	};
	fill();
	while (inFlight.length > 0) {
		const page = await (inFlight.shift() as Promise<PageResult>);
		fill();
		yield page;
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
