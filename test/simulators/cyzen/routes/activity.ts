import { idCursor, listBody, paginate, type Cursor } from '../paging';
import type { CyzenSwitches } from '../switches';
import { DAY, formatUtc } from '../time';
import type {
	ActionTypeRec,
	HistoryRec,
	StatusRec,
	TrackingRec,
	TransportationExpenseRec,
	UserRec,
} from '../types';
import { inWindow, windowOf, type WindowRule } from '../windows';
import { filterBy } from './common';
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

	ctx.route('GET', '/histories', (params) => {
		const window = windowOf(params, HISTORY_WINDOW, ctx.now());
		const rows = [...store.histories.values()].filter(
			(h) => inWindow(h.create_at, window) && retained(h.create_at),
		);
		return listBody(
			'histories',
			paginate(rows, historyCursor(ctx.switches.historyCursor), params),
			(h) => ctx.serialize.history(h),
		);
	});

	ctx.route('GET', '/trackings', (params) => {
		const window = windowOf(params, HISTORY_WINDOW, ctx.now());
		const rows = [...store.trackings.values()].filter(
			(t) => inWindow(t.create_at, window) && retained(t.create_at),
		);
		return listBody(
			'trackings',
			paginate(
				rows,
				idCursor('next_tracking_id', (t: TrackingRec) => t.tracking_id),
				params,
			),
			(t) => ctx.serialize.tracking(t),
		);
	});

	// Only `company_id` ([public code] PC1); the latest stamp and the latest position of each user.
	ctx.route('GET', '/members_statuses', (params) => {
		const histories = [...store.histories.values()];
		const trackings = [...store.trackings.values()];
		return listBody(
			'members_statuses',
			paginate(
				[...store.users.values()],
				idCursor('next_user_id', (u: UserRec) => u.user_id),
				params,
			),
			(u) =>
				ctx.serialize.memberStatus(
					u.user_id,
					latest(
						histories.filter((h) => h.user_id === u.user_id),
						(h) => h.updated_at,
					),
					latest(
						trackings.filter((t) => t.user_id === u.user_id),
						(t) => t.create_at,
					),
				),
		);
	});

	ctx.route('GET', '/statuses', (params) =>
		listBody(
			'statuses',
			paginate(
				[...store.statuses.values()],
				idCursor('next_status_id', (s: StatusRec) => s.status_id),
				params,
			),
			(s) => ({ ...s }),
		),
	);

	ctx.route('GET', '/action_types', (params) =>
		listBody(
			'action_types',
			paginate(
				filterBy(store.actionTypes.values(), params, ['action_type_id', 'group_id']),
				idCursor('next_action_type_id', (a: ActionTypeRec) => a.action_type_id),
				params,
			),
			(a) => ({ ...a }),
		),
	);

	ctx.route('GET', '/transportation_expenses', (params) => {
		const window = windowOf(params, EXPENSE_WINDOW, ctx.now());
		const from = window?.from.slice(0, 10) ?? '';
		const to = window?.to.slice(0, 10) ?? '9999-12-31';
		const rows = filterBy(store.transportationExpenses.values(), params, [
			'transportation_expense_id',
			'user_id',
		]).filter((e) => e.use_date >= from && e.use_date <= to);
		return listBody(
			'transportation_expenses',
			paginate(
				rows,
				idCursor(
					'next_transportation_expense_id',
					(e: TransportationExpenseRec) => e.transportation_expense_id,
				),
				params,
			),
			(e) => ({ ...e }),
		);
	});
}
