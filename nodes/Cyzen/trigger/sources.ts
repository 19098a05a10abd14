import type { IDataObject } from 'n8n-workflow';

import { fromCyzenTime, type CyzenChangeSource } from '../transport';

/** cyzen prints whole seconds: its filters and its records share this unit. */
export const SECOND = 1000;
export const DAY = 86_400_000;

const cyzenTimeMs = (value: unknown) => fromCyzenTime(value)?.toMillis();

export type CyzenEvent = 'created' | 'updated' | 'deleted';

/** Where each watched object is read from and what its date window selects (spec §5, §9). */
export interface WatchedObject {
	value: 'report' | 'history' | 'spot' | 'schedule';
	name: string;
	/** The node panel's entry for this choice ("On report filed or edited"). */
	action: string;
	/** The list the transport reads (`listCyzenChanges`): windows, pages, cursors, errors. */
	list: CyzenChangeSource;
	idField: string;
	/** The span one request asks for: the transport's window for this list (cyzen refuses longer). */
	maxSpanMs: number;
	/**
	 * What the window filters on. 'change': the change time itself (reports, spots on `updated_at`,
	 * histories on `create_at`), so a poll reads from the overlap window on. 'startDate': the
	 * schedule's start date [public code] — or its update time, the other reading; the trigger reads
	 * a rolling range of start dates that also covers the recent update times.
	 */
	windowOn: 'change' | 'startDate';
	fixedQuery?: IDataObject;
	/** The time a change of this record is known by (epoch ms). */
	changeTime(record: IDataObject): number | undefined;
	createdTime(record: IDataObject): number | undefined;
	events: CyzenEvent[];
}

const updatedAt = (record: IDataObject) => cyzenTimeMs(record.updated_at);
const createdAt = (record: IDataObject) => cyzenTimeMs(record.created_at);
/** `create_at` (sic) on histories [public code] PC1; `created_at` accepted too. */
const stampedAt = (record: IDataObject) =>
	cyzenTimeMs(record.create_at) ?? cyzenTimeMs(record.created_at);

export const WATCHED_OBJECTS: WatchedObject[] = [
	{
		value: 'report',
		name: 'Report (報告書)',
		action: 'On report filed or edited',
		list: 'reports',
		idField: 'report_id',
		maxSpanMs: 7 * DAY,
		windowOn: 'change',
		changeTime: updatedAt,
		createdTime: createdAt,
		events: ['created', 'updated'],
	},
	{
		value: 'history',
		name: 'Check-in / Status Stamp (打刻)',
		action: 'On new check-in or status stamp',
		list: 'histories',
		idField: 'history_id',
		// 15 days is the limit; windows of 14 days as the client rule of spec §5 says.
		maxSpanMs: 14 * DAY,
		windowOn: 'change',
		changeTime: stampedAt,
		createdTime: stampedAt,
		events: ['created'],
	},
	{
		value: 'spot',
		name: 'Spot (スポット)',
		action: 'On spot created or updated',
		list: 'spots',
		idField: 'spot_id',
		maxSpanMs: 7 * DAY,
		windowOn: 'change',
		changeTime: updatedAt,
		createdTime: createdAt,
		events: ['created', 'updated'],
	},
	{
		value: 'schedule',
		name: 'Schedule (予定)',
		action: 'On schedule created, updated or deleted',
		list: 'schedules',
		idField: 'schedule_id',
		maxSpanMs: 7 * DAY,
		windowOn: 'startDate',
		// Deleted schedules come too, with `deleted_at` [public code] PC1, PC3.
		fixedQuery: { get_deleted: 1 },
		// [proposed] A deletion is a change: its time is `deleted_at` when later than `updated_at`.
		changeTime: (record) => {
			const times = [updatedAt(record), cyzenTimeMs(record.deleted_at)].filter(
				(time): time is number => time !== undefined,
			);
			return times.length ? Math.max(...times) : undefined;
		},
		createdTime: createdAt,
		events: ['created', 'updated', 'deleted'],
	},
];

export function isDeleted(record: IDataObject): boolean {
	return record.deleted_at !== undefined && record.deleted_at !== null && record.deleted_at !== '';
}
