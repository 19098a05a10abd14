import { request } from 'undici';

import { SimulatorAdmin } from '../../kit/admin-client';
import type { CyzenSimulator } from './cyzen-simulator';

/**
 * Raw HTTP to the simulator, the way the vendor documents describe the API (types written from
 * the spec, not imported from the simulator, so a test notices when a response changes).
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Fields = Record<string, string | number | string[]>;

export interface CallOptions {
	/** Query parameters (GET/DELETE carry everything here). */
	query?: Fields;
	/** Form fields, sent `application/x-www-form-urlencoded` (POST/PUT). */
	form?: Fields;
	/** Sent as JSON with `Content-Type: application/json` (the API refuses it). */
	json?: unknown;
	/** Defaults to the simulator's token; `null` sends no Authorization header. */
	token?: string | null;
	/** `Authorization` scheme; default `bearer` (PC2, PC3). */
	scheme?: string;
	/** Defaults to the simulator's company; `null` sends none. Goes in the query (GET/DELETE) or form. */
	companyId?: string | null;
	headers?: Record<string, string>;
}

export interface CallResult<T> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The parsed body, typed by the caller (tests assert on it; nothing is validated here). */
	json: T;
}

export interface ErrorsJson {
	errors: Array<{ err_code: number; err_msg: string }>;
}

export interface GroupJson {
	group_id: string;
	group_join_id: string;
	group_code: string;
	group_name: string;
	created_at: string;
	updated_at: string;
}

export interface UserJson {
	user_id: string;
	user_login_id: string;
	user_code: string;
	user_name: string;
	app_version: string | null;
	device: string | null;
	os_version: string | null;
	account_status: number;
	created_at: string;
	updated_at: string;
	groups: Array<{ group_id: string; group_name: string; is_group_owner: number }>;
	user_tags?: Array<{ user_tag_id: string; user_tag_name: string; user_tag_category_name: string }>;
}

export interface SpotJson {
	spot_id: string;
	spot_code: string | null;
	spot_name: string;
	spot_name_kana: string | null;
	zip_code: string | null;
	tel: string | null;
	fax: string | null;
	address: string | null;
	valid_from: string | null;
	valid_to: string | null;
	url: string | null;
	comment: string | null;
	create_user_id: string | null;
	latitude: number | null;
	longitude: number | null;
	spot_tags: Array<{ spot_tag_id: string; spot_tag_name: string }>;
	created_at: string;
	updated_at: string;
	extend_data: Record<string, unknown> | null;
}

export interface HistoryJson {
	history_id: string;
	user_id: string;
	group_id: string;
	status_id: string;
	history_comment: string | null;
	address: string | null;
	history_accuracy: number;
	history_latitude: number;
	history_longitude: number;
	create_at: string;
	updated_at: string;
}

export interface TrackingJson {
	tracking_id: string;
	user_id: string;
	tracking_latitude: number;
	tracking_longitude: number;
	tracking_accuracy: number;
	create_at: string;
	updated_at: string;
}

export interface ReportJson {
	report_id: string;
	report_definition_id: string;
	report_definition_name: string;
	user_id: string;
	group_id: string;
	created_at: string;
	updated_at: string;
	report_items: Array<{ item_name: string; item_value: string | string[] }>;
}

export interface ScheduleJson {
	schedule_id: string;
	group_id: string;
	title: string;
	detail: string | null;
	start_date: string;
	end_date: string;
	all_day: number;
	place: {
		spot_id: string;
		address: string | null;
		latitude: number | null;
		longitude: number | null;
	} | null;
	users: Array<{ user_id: string }>;
	schedule_category: { schedule_category_name: string } | null;
	created_at: string;
	updated_at: string;
	deleted_at?: string | null;
	schedule_actual?: {
		schedule_reports: Array<{ report_id: string; report_definition_name: string; user_id: string }>;
	};
}

/** Any list answer: the list under its key plus `next_*` cursor keys. */
export type ListJson<K extends string, T> = { [P in K]: T[] } & Record<`next_${string}`, string>;

function encode(fields: Fields): URLSearchParams {
	const out = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) out.append(key, String(one));
	}
	return out;
}

/** One HTTP call to `sim.baseUrl + path` over real sockets. */
export async function call<T>(
	sim: CyzenSimulator,
	method: Method,
	path: string,
	options: CallOptions = {},
): Promise<CallResult<T>> {
	const headers: Record<string, string> = {};
	const token = options.token === undefined ? sim.accessToken : options.token;
	if (token !== null) headers.authorization = `${options.scheme ?? 'bearer'} ${token}`;
	const company = options.companyId === undefined ? sim.companyId : options.companyId;
	const query: Fields = { ...options.query };
	let form: Fields | undefined = options.form;
	const writes = method === 'POST' || method === 'PUT';
	if (company !== null) {
		if (writes && options.json === undefined) form = { company_id: company, ...form };
		else query.company_id ??= company;
	}
	let body: string | undefined;
	if (options.json !== undefined) {
		body = JSON.stringify(options.json);
		headers['content-type'] = 'application/json';
	} else if (form !== undefined) {
		body = encode(form).toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	Object.assign(headers, options.headers);
	const search = encode(query).toString();
	const url = `${sim.baseUrl}${path}${search ? `?${search}` : ''}`;
	const res = await request(url, { method, headers, body });
	const text = await res.body.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json: json as T };
}

/** The `next_*` keys of an answer that have a value (spec §7: missing, null or empty = last page). */
export function cursorOf(body: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(body).filter(
			(entry): entry is [string, string] =>
				entry[0].startsWith('next_') && typeof entry[1] === 'string' && entry[1] !== '',
		),
	);
}

/** Shorthands bound to one simulator. */
export function client(sim: CyzenSimulator) {
	return {
		get: <T = ErrorsJson>(path: string, query: Fields = {}, options: CallOptions = {}) =>
			call<T>(sim, 'GET', path, { ...options, query }),
		post: <T = ErrorsJson>(path: string, form: Fields = {}, options: CallOptions = {}) =>
			call<T>(sim, 'POST', path, { ...options, form }),
		put: <T = ErrorsJson>(path: string, form: Fields = {}, options: CallOptions = {}) =>
			call<T>(sim, 'PUT', path, { ...options, form }),
		del: <T = ErrorsJson>(path: string, query: Fields = {}, options: CallOptions = {}) =>
			call<T>(sim, 'DELETE', path, { ...options, query }),

		/**
		 * Follows a list to its end the generic way (spec §7): repeat the same request plus every
		 * non-empty `next_*` key. Returns every page's items and the cursors seen. Fails on a non-200
		 * or after `maxPages` (a cursor that does not move).
		 */
		async all<T>(path: string, listKey: string, query: Fields = {}, maxPages = 200) {
			const items: T[] = [];
			const pageSizes: number[] = [];
			const cursors: Array<Record<string, string>> = [];
			let cursor: Record<string, string> = {};
			for (let page = 0; page < maxPages; page++) {
				const res = await call<Record<string, unknown>>(sim, 'GET', path, {
					query: { ...query, ...cursor },
				});
				if (res.status !== 200)
					throw new Error(`GET ${path} page ${page + 1}: ${res.status} ${res.text}`);
				const list = res.json[listKey] as T[];
				items.push(...list);
				pageSizes.push(list.length);
				cursor = cursorOf(res.json);
				if (Object.keys(cursor).length === 0) return { items, pageSizes, cursors };
				cursors.push(cursor);
			}
			throw new Error(`GET ${path}: still paging after ${maxPages} pages`);
		},
	};
}

/** The `/__admin/cyzen/…` API from another process (demo, e2e, benchmarks), plus the kit's. */
export class CyzenAdmin extends SimulatorAdmin {
	summary(): Promise<unknown> {
		return this.call('GET', 'cyzen');
	}

	setSwitches(change: Record<string, unknown>): Promise<unknown> {
		return this.call('POST', 'cyzen/switches', change);
	}

	ledger(): Promise<unknown> {
		return this.call('GET', 'cyzen/ledger');
	}

	appEvent(event: Record<string, unknown>): Promise<unknown> {
		return this.call('POST', 'cyzen/app', event);
	}

	reseed(options: Record<string, unknown>): Promise<unknown> {
		return this.call('POST', 'cyzen/seed', options);
	}
}

/** `YYYY-MM-DDThh:mm:ss`, no suffix. */
export const UTC_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
export const HEX32 = /^[0-9a-f]{32}$/;

/** Epoch ms → cyzen's UTC text, computed without the simulator's helpers. */
export function utc(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

export const DAY_MS = 86_400_000;
