import type { RouteContext } from '../context';
import { AUDITS_PAGE_SIZE, dateParam, pageOf, pageParam, within } from '../filters';
import { ok } from './common';

/** #74 Audit log: 1,000 per page, `startTime` / `endTime` (inclusive) on the entry time. */
export function auditRoutes(ctx: RouteContext): void {
	ctx.route('GET', '/audits', (req) => {
		const page = pageParam(req.query);
		const from = dateParam(req.query, 'startTime');
		const to = dateParam(req.query, 'endTime');
		// [proposed] newest first, like the other lists' default; id breaks ties.
		const entries = ctx.store.audits
			.filter((a) => within(a.at, from, to))
			.sort((a, b) => b.at - a.at || b.id - a.id);
		return ok(pageOf(entries, page, AUDITS_PAGE_SIZE, 'audits', (a) => ctx.serialize.audit(a)));
	});
}
