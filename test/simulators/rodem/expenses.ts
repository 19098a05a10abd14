import type { SimRequest } from '../../kit/simulator';
import { badQuery, invalidToken } from './errors';
import { parseYyyymmdd, toIso, toTable } from './time';
import type { DetailsKey, EmployeeRec, ExpenseRec, TimestampFormat } from './types';

/** `limit` bounds and default (vendor doc: 1…200, default 200). */
export const MAX_LIMIT = 200;

/** An expense record exactly as the API prints it (field order of the vendor's JSON example). */
export interface ExpenseJson {
	id: number;
	updated_at: string;
	use_date: string;
	price: number;
	distance: number;
	serialize_data: string;
	movement_start_time: string;
	movement_end_time: string;
	sojourn_time: number;
	calendar_title: string;
	flags: {
		best_price: boolean;
		best_time: boolean;
		best_transfer: boolean;
		with_teiki: boolean;
		use_ic_card: boolean;
		reroute: boolean;
	};
	course_detail: {
		course_string: string;
		from_name: string;
		to_name: string;
		lines: Array<{ name: string }>;
		stations: Array<{ name: string; code: string }>;
	};
	teiki_course: string | null;
}

export function serializeExpense(
	rec: ExpenseRec,
	owner: EmployeeRec | undefined,
	format: TimestampFormat,
): ExpenseJson {
	const ts = format === 'iso' ? toIso : toTable;
	return {
		id: rec.id,
		updated_at: ts(rec.updatedAt),
		use_date: rec.useDate,
		price: rec.price,
		distance: rec.distance,
		serialize_data: rec.serializeData,
		movement_start_time: ts(rec.movementStartTime),
		movement_end_time: ts(rec.movementEndTime),
		sojourn_time: rec.sojournTime,
		calendar_title: rec.calendarTitle,
		flags: { ...rec.flags },
		course_detail: {
			course_string: rec.courseString,
			from_name: rec.fromName,
			to_name: rec.toName,
			lines: rec.lines.map((l) => ({ name: l.name })),
			stations: rec.stations.map((s) => ({ name: s.name, code: s.code })),
		},
		// Vendor doc: the pass currently in the user's pass master at output time, not at registration.
		teiki_course: owner?.teikiCourse ?? null,
	};
}

/** [proposed] Use date ascending, then id ascending. */
export function compareExpenses(a: ExpenseRec, b: ExpenseRec): number {
	return a.useDate < b.useDate ? -1 : a.useDate > b.useDate ? 1 : a.id - b.id;
}

/** `Authorization: Bearer <token>` (vendor doc); the token is not read from the query [proposed]. */
export function bearerToken(req: SimRequest): string | undefined {
	const header = req.headers.authorization;
	if (header === undefined) return undefined;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(String(header));
	if (!m) return invalidToken('The Authorization header must be "Bearer <access token>"', true);
	return m[1];
}

/**
 * [proposed] `Accept` must allow JSON: absent, `application/json`, `application/*` or `*\/*`.
 * Anything else is a 406, as a Rails `respond_to :json` action answers.
 */
export function acceptsJson(req: SimRequest): boolean {
	const accept = req.headers.accept;
	if (accept === undefined || accept.trim() === '') return true;
	return accept
		.split(',')
		.map((part) => part.split(';')[0].trim().toLowerCase())
		.some((type) => type === 'application/json' || type === 'application/*' || type === '*/*');
}

function integerParam(
	req: SimRequest,
	name: string,
	fallback: number,
	min: number,
	max: number,
): number {
	const all = req.query.getAll(name);
	if (all.length === 0) return fallback;
	if (all.length > 1) return badQuery(`${name} must be given once`);
	const text = all[0];
	if (!/^\d+$/.test(text)) return badQuery(`${name} must be an integer between ${min} and ${max}`);
	const value = Number(text);
	if (value < min || value > max)
		return badQuery(`${name} must be an integer between ${min} and ${max}`);
	return value;
}

function dateParam(req: SimRequest, name: string): string {
	const all = req.query.getAll(name);
	if (all.length === 0 || all[0] === '') return badQuery(`${name} is required (yyyymmdd)`);
	if (all.length > 1) return badQuery(`${name} must be given once`);
	const date = parseYyyymmdd(all[0]);
	if (!date) return badQuery(`${name} must be a date in the form yyyymmdd`);
	return date;
}

export interface ExpenseQuery {
	startDate: string;
	endDate: string;
	offset: number;
	limit: number;
}

/**
 * Query of `GET /api/v1/expenses`: `start_date`, `end_date` (yyyymmdd, required — vendor doc),
 * `offset` (0…n, default 0), `limit` (1…200, default 200). Every violation is a 400 [proposed];
 * there is no maximum span [proposed: none published].
 */
export function parseExpenseQuery(req: SimRequest): ExpenseQuery {
	const startDate = dateParam(req, 'start_date');
	const endDate = dateParam(req, 'end_date');
	if (startDate > endDate) badQuery('start_date must not be after end_date');
	const offset = integerParam(req, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
	const limit = integerParam(req, 'limit', MAX_LIMIT, 1, MAX_LIMIT);
	return { startDate, endDate, offset, limit };
}

/** The root object: user id, total count, offset, then the records under the chosen key(s). */
export function expensePage(
	userId: number,
	total: number,
	offset: number,
	records: ExpenseJson[],
	key: DetailsKey,
): Record<string, unknown> {
	const page: Record<string, unknown> = { id: userId, total_expense_count: total, offset };
	if (key === 'expense_details' || key === 'both') page.expense_details = records;
	if (key === 'expens_details' || key === 'both') page.expens_details = records;
	return page;
}
