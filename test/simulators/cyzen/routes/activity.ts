import type { Params } from '../params';
import { idCursor, type Cursor } from '../paging';
import type { CyzenSwitches } from '../switches';
import { DAY, formatUtc } from '../time';
import type { HistoryRec } from '../types';
import { inWindow, windowOf, type WindowRule } from '../windows';
import type { RouteContext } from './context';

/** `GET /histories`: ≤ 15 days (16 → 400), last 15 days by default ([public code] PC2). */
export const HISTORY_WINDOW: WindowRule = {
	from: 'from_date',
	to: 'to_date',
	maxDays: 15,
	whenOmitted: 'last',
};
/** [proposed] `GET /transportation_expenses`: ≤ 7 days of use dates (§10.2). */
const EXPENSE_WINDOW: WindowRule = {
	from: 'from_date',
	to: 'to_date',
	maxDays: 7,
	whenOmitted: 'last',
};

/** The history cursor renamed between 2018 (PC1) and the 2023-12 reference (PC2), per switch. */
function historyCursor(name: CyzenSwitches['historyCursor']): Cursor<HistoryRec> {
	return name === 'next_history_created_at'
		? {
				keys: [{ param: 'next_history_created_at', value: (h) => h.create_at, time: true }],
				tieBreak: (h) => h.history_id,
			}
		: idCursor('next_history_id', (h) => h.history_id);
}

/** The newest of `rows` by `at`, or undefined. */
function latest<T>(rows: T[], at: (row: T) => string): T | undefined {
	let best: T | undefined;
	for (const row of rows) if (!best || at(row) > at(best)) best = row;
	return best;
}

/**
 * Field activity: 履歴情報(打刻情報) (`/histories`, CONFIRMED), 自動記録位置情報 (`/trackings`,
 * PROPOSED, same window rules), ユーザーごとの最新位置 (`/members_statuses`), ステータス情報,
 * 行動種別情報 and 交通費情報.
 */
export function activityRoutes(ctx: RouteContext): void {
	const { store } = ctx;
	/** "14日以上前は不可": stamps and positions older than the retention are gone ([public code] PC2). */
	const retained = (createAt: string) =>
		createAt >= formatUtc(ctx.now() - ctx.switches.historyRetentionDays * DAY);

	const histories = (params: Params) => {
		const window = windowOf(params, HISTORY_WINDOW, ctx.now());
		return [...store.histories.values()].filter(
			(h) => inWindow(h.create_at, window) && retained(h.create_at),
		);
	};
	ctx.list('/histories', histories, { cursor: () => historyCursor(ctx.switches.historyCursor) });

	const trackings = (params: Params) => {
		const window = windowOf(params, HISTORY_WINDOW, ctx.now());
		return [...store.trackings.values()].filter(
			(t) => inWindow(t.create_at, window) && retained(t.create_at),
		);
	};
	ctx.list('/trackings', trackings, { id: 'tracking_id' });

	// Only `company_id` ([public code] PC1); the latest stamp and the latest position of each user.
	ctx.list('/members_statuses', () => store.users.values(), {
		id: 'user_id',
		serialize: (u) =>
			ctx.serialize.memberStatus(
				u.user_id,
				latest(
					[...store.histories.values()].filter((h) => h.user_id === u.user_id),
					(h) => h.updated_at,
				),
				latest(
					[...store.trackings.values()].filter((t) => t.user_id === u.user_id),
					(t) => t.create_at,
				),
			),
	});

	ctx.list('/statuses', () => store.statuses.values(), { id: 'status_id' });

	ctx.list('/action_types', () => store.actionTypes.values(), {
		filters: ['action_type_id', 'group_id'],
		id: 'action_type_id',
	});

	const expenses = (params: Params) => {
		const window = windowOf(params, EXPENSE_WINDOW, ctx.now());
		const from = window?.from.slice(0, 10) ?? '';
		const to = window?.to.slice(0, 10) ?? '9999-12-31';
		return [...store.transportationExpenses.values()].filter(
			(e) => e.use_date >= from && e.use_date <= to,
		);
	};
	ctx.list('/transportation_expenses', expenses, {
		filters: ['transportation_expense_id', 'user_id'],
		id: 'transportation_expense_id',
	});
}
