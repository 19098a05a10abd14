import { request } from 'undici';

import type { MazricaSimulator } from './mazrica-simulator';

export interface CallOptions {
	body?: unknown;
	/** Defaults to the simulator's first key; `null` sends no key. */
	key?: string | null;
	headers?: Record<string, string>;
}

export interface CallResult<T> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The parsed body, typed by the caller (tests assert on it; nothing is validated here). */
	json: T;
}

export interface Ref {
	id: number;
	name: string;
}

export interface ErrorJson {
	error: string;
	messages: string[];
	bulkErrors?: Array<{ index: number; messages: string[] }>;
}

export interface CustomValueJson {
	itemKey: string;
	value: unknown;
}

export interface CustomerJson {
	id: number;
	name: string;
	address: string | null;
	telNo: string | null;
	closingMonth: number | null;
	ownerRole: Ref | null;
	createdAt: string;
	updatedAt: string;
	customerCustoms: CustomValueJson[];
}

export interface DealJson {
	id: number;
	name: string;
	amount: number | null;
	expectedContractDate: string;
	createdAt: string;
	updatedAt: string;
	dealType: Ref;
	customer: Ref;
	phase: Ref;
	product: Ref;
	probability: Ref;
	channel: Ref;
	user: Ref;
	dealCustoms: CustomValueJson[];
}

export interface ContactJson {
	id: number;
	name: string;
	email: string | null;
	tel: string | null;
	mobileTel: string | null;
	customer: Ref | null;
	createdAt: string;
	updatedAt: string;
	contactCustoms: CustomValueJson[];
}

export interface ActionJson {
	id: number;
	pattern: Ref;
	purpose?: Ref | null;
	deal?: Ref | null;
	customer?: Ref | null;
	contact?: Ref | null;
	dataType?: number;
	contacts?: Ref[];
	startDatetime: string | null;
	endDatetime: string | null;
	active: boolean;
	creator: Ref;
	invitees: Ref[];
	createdAt: string;
	updatedAt: string;
	files?: unknown[];
}

export interface AuditJson {
	id: number;
	createdAt: string;
	user: Ref | null;
	operation: string;
	targetType: string;
	targetId: number | string;
	source: string;
}

export interface CustomObjectJson {
	id: number;
	createdAt: string;
	updatedAt: string;
	[itemKey: string]: unknown;
}

export interface DealTypeSettingsJson {
	id: number;
	name: string;
	phases: Ref[];
	products: Ref[];
	probabilities: Ref[];
	channels: Ref[];
	endPhaseReasons: Ref[];
	actionsPurposes: Array<Ref & { pattern: Ref }>;
	dealCustomItems: Array<{ itemKey: string; itemType: string; options?: Ref[] }>;
	dealProductDetailTypes: Ref[];
}

export type PageJson<K extends string, T> = { totalCount: number; page: number } & {
	[P in K]: T[];
};

/** One HTTP call to the simulator's `/v1` API over real sockets. */
export async function call<T>(
	sim: MazricaSimulator,
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
	path: string,
	options: CallOptions = {},
): Promise<CallResult<T>> {
	const headers: Record<string, string> = { ...options.headers };
	const key = options.key === undefined ? sim.apiKey : options.key;
	if (key !== null) headers['x-api-key'] = key;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const res = await request(`${sim.baseUrl}${path}`, { method, headers, body });
	const text = await res.body.text();
	return {
		status: res.statusCode,
		headers: res.headers,
		text,
		json: (text ? JSON.parse(text) : undefined) as T,
	};
}

/** Shorthands bound to one simulator. */
export function client(sim: MazricaSimulator) {
	return {
		get: <T = ErrorJson>(path: string, options?: CallOptions) => call<T>(sim, 'GET', path, options),
		post: <T = ErrorJson>(path: string, body?: unknown, options?: CallOptions) =>
			call<T>(sim, 'POST', path, { ...options, body }),
		patch: <T = ErrorJson>(path: string, body?: unknown, options?: CallOptions) =>
			call<T>(sim, 'PATCH', path, { ...options, body }),
		del: <T = ErrorJson>(path: string, options?: CallOptions) =>
			call<T>(sim, 'DELETE', path, options),
	};
}

export const ISO_JST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;

/** Epoch ms → `YYYY-MM-DDTHH:mm:ss` in Japan time without offset, as the client sends filters. */
export function japanLocal(ms: number): string {
	return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19);
}
