import type { Params } from '../params';
import { type Cursor } from '../paging';
import type { ReportRec } from '../types';
import { inWindow, windowOf, type WindowRule } from '../windows';
import type { RouteContext } from './context';

/**
 * `GET /reports` selects on update time only: `updated_from`/`updated_to` ≤ 7 days (8 → 400),
 * the last 7 days by default. `from_date`/`to_date` are silently ignored — the handler never
 * reads them ([public code] PC2, PC3).
 */
export const REPORT_WINDOW: WindowRule = {
	from: 'updated_from',
	to: 'updated_to',
	maxDays: 7,
	whenOmitted: 'last',
};

/** Both keys, always together ([public code]): update time, then id. */
const reportCursor: Cursor<ReportRec> = {
	keys: [
		{ param: 'next_report_updated_at', value: (r) => r.updated_at, time: true },
		{ param: 'next_report_id', value: (r) => r.report_id },
	],
};

/** 報告書定義情報 (§9.11), 報告書 (§9.12), 画像 (§10.2, PROPOSED). */
export function reportRoutes(ctx: RouteContext): void {
	const { store } = ctx;

	ctx.list('/report_definitions', () => store.reportDefinitions.values(), {
		id: 'report_definition_id',
		serialize: (d) => ({
			report_definition_id: d.report_definition_id,
			report_definition_name: d.report_definition_name,
		}),
	});

	const reports = (params: Params) => {
		const window = windowOf(params, REPORT_WINDOW, ctx.now());
		// Accepted but not a filter, as observed; the 'applied' switch shows the other reading.
		const definition =
			ctx.switches.reportDefinitionFilter === 'applied'
				? params.string('report_definition_id')
				: undefined;
		return [...store.reports.values()].filter(
			(r) =>
				inWindow(r.updated_at, window) && (!definition || r.report_definition_id === definition),
		);
	};
	ctx.list('/reports', reports, {
		cursor: reportCursor,
		serialize: (r) => ctx.serialize.report(r),
	});

	ctx.list('/images', () => store.images.values(), {
		filters: ['image_id', 'report_id'],
		id: 'image_id',
	});
}
