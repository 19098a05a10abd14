import { idField, windowBound } from './common';
import type { CyzenEndpoint } from './schema';

const fromDate = windowBound(
	'from_date',
	'From',
	'Records created at or after this time (any length: split into 14-day windows)',
);
const toDate = windowBound('to_date', 'To', 'Records created at or before this time; default now');

/** Stamps, route points and latest positions (spec §9.9, §9.10, §10 rows 1–3). */
export const activityEndpoints: CyzenEndpoint[] = [
	{
		resource: 'history',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many stamp histories',
		description:
			'List status stamps and check-ins (履歴情報 打刻情報). Ranges are split into 14-day windows; cyzen keeps about 14 days.',
		title: '履歴情報(打刻情報) 取得',
		method: 'GET',
		path: '/histories',
		status: 'CONFIRMED',
		paged: { listKey: 'histories' },
		// [public code] PC2: ≤ 15 days per request; the client uses 14 (spec §5).
		window: { from: 'from_date', to: 'to_date', days: 14 },
		idKeys: ['history_id'],
		query: [fromDate, toDate],
	},
	{
		resource: 'tracking',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many route histories',
		description:
			'List auto-recorded positions (履歴情報 自動記録位置情報). Ranges are split into 14-day windows.',
		title: '履歴情報(自動記録位置情報) 取得',
		method: 'GET',
		path: '/trackings',
		status: 'PROPOSED',
		paged: { listKey: 'trackings' },
		window: { from: 'from_date', to: 'to_date', days: 14 },
		idKeys: ['tracking_id'],
		query: [fromDate, toDate],
	},
	{
		resource: 'memberStatus',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get latest positions',
		description:
			'The latest stamp and auto-recorded position of every user (ユーザーごとの最新位置)',
		title: 'ユーザーごとの最新位置 取得',
		method: 'GET',
		path: '/members_statuses',
		status: 'CONFIRMED',
		paged: { listKey: 'members_statuses' },
	},
	{
		resource: 'transportationExpense',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many transportation expenses',
		description: 'List travel expenses (交通費情報). Ranges are split into 7-day windows.',
		title: '交通費情報 取得',
		method: 'GET',
		path: '/transportation_expenses',
		status: 'PROPOSED',
		paged: { listKey: 'transportation_expenses' },
		window: { from: 'from_date', to: 'to_date', days: 7 },
		idKeys: ['transportation_expense_id'],
		query: [
			windowBound(
				'from_date',
				'From',
				'Expenses from this time (any length: split into 7-day windows)',
			),
			windowBound('to_date', 'To', 'Expenses up to this time; default now'),
			idField('user_id', 'User'),
		],
	},
];
