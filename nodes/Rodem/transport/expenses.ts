import type { IDataObject } from 'n8n-workflow';

import {
	offsetWithTotal,
	vendorRequest,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import { rodemConnection } from './profile';

/** RODEM's largest page (`limit` 1–200). */
export const MAX_PAGE = 200;

export interface ExpensePage extends IDataObject {
	id?: number;
	total_expense_count?: number;
	offset?: number;
}

/**
 * The records of one page. The field table calls the array `expense_details`; the vendor's only
 * JSON example spells it `expens_details`. Read whichever is there; if both are, they carry the
 * same records, so take the documented one.
 */
export function recordsOf(page: ExpensePage): IDataObject[] {
	const records = page.expense_details ?? page.expens_details;
	return Array.isArray(records) ? (records as IDataObject[]) : [];
}

export async function fetchExpensePage(
	context: RequestContext,
	startDate: string,
	endDate: string,
	offset: number,
	limit: number,
	options: RequestOptions,
): Promise<ExpensePage> {
	return (await vendorRequest.call(
		context,
		rodemConnection,
		{
			method: 'GET',
			path: '/api/v1/expenses',
			qs: { start_date: startDate, end_date: endDate, offset, limit },
			headers: { Accept: 'application/json' },
		},
		options,
	)) as ExpensePage;
}

/** Every expense whose use date is in [startDate, endDate] (`yyyymmdd`), page by page. */
export async function* expenses(
	context: RequestContext,
	startDate: string,
	endDate: string,
	pageSize: number,
	options: RequestOptions = {},
	onPage?: (page: ExpensePage) => void,
): AsyncGenerator<IDataObject> {
	yield* offsetWithTotal(async (offset, limit) => {
		const page = await fetchExpensePage(context, startDate, endDate, offset, limit, options);
		onPage?.(page);
		const userId = page.id;
		return {
			items: recordsOf(page).map((record) => normaliseExpense(record, userId)),
			total: typeof page.total_expense_count === 'number' ? page.total_expense_count : undefined,
		};
	}, pageSize);
}

function toBoolean(value: unknown): boolean {
	return value === true || value === 1 || (typeof value === 'string' && /^(true|1)$/i.test(value));
}

/**
 * Smooths the drift between RODEM's field table and its example: `sojourn_time` as a number,
 * station codes as strings, route flags as booleans; adds the authorising user's id.
 */
export function normaliseExpense(record: IDataObject, userId?: number): IDataObject {
	const out: IDataObject = { ...record };
	if (out.sojourn_time !== undefined && out.sojourn_time !== null && out.sojourn_time !== '') {
		const minutes = Number(out.sojourn_time);
		if (Number.isFinite(minutes)) out.sojourn_time = minutes;
	}
	if (out.flags && typeof out.flags === 'object') {
		out.flags = Object.fromEntries(
			Object.entries(out.flags as IDataObject).map(([key, value]) => [key, toBoolean(value)]),
		);
	}
	const course = out.course_detail as IDataObject | undefined;
	if (course && Array.isArray(course.stations)) {
		out.course_detail = {
			...course,
			stations: (course.stations as IDataObject[]).map((station) => ({
				...station,
				...(station.code !== undefined && station.code !== null
					? { code: String(station.code) }
					: {}),
			})),
		};
	}
	if (userId !== undefined) out.user_id = userId;
	return out;
}

/** One flat row per expense for spreadsheets: route, lines, stations and flags as columns. */
export function flattenExpense(expense: IDataObject): IDataObject {
	const {
		course_detail: course,
		flags,
		...rest
	} = expense as IDataObject & {
		course_detail?: {
			course_string?: string;
			from_name?: string;
			to_name?: string;
			lines?: IDataObject[];
			stations?: IDataObject[];
		};
		flags?: IDataObject;
	};
	const row: IDataObject = { ...rest };
	row.distance_km = typeof expense.distance === 'number' ? expense.distance / 10 : null;
	row.route = course?.course_string ?? null;
	row.from_name = course?.from_name ?? null;
	row.to_name = course?.to_name ?? null;
	row.lines = (course?.lines ?? []).map((line) => line.name).join(' / ');
	row.stations = (course?.stations ?? []).map((station) => station.name).join(' → ');
	row.station_codes = (course?.stations ?? []).map((station) => station.code).join(',');
	for (const [key, value] of Object.entries(flags ?? {})) row[`flag_${key}`] = value;
	return row;
}
