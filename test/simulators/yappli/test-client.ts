import { request } from 'undici';

import type { YappliSimulator } from './yappli-simulator';

/** The agent the tests send unless told otherwise (the API asks for a User-Agent). */
export const TEST_AGENT = 'yappli-simulator-tests/1.0';

export interface CallOptions {
	/** Sent as JSON with `Content-Type: application/json`. */
	body?: unknown;
	/** Sent as-is (set the content type in `headers`). */
	rawBody?: string;
	/** Bearer token; defaults to the client's current token; `null` sends no Authorization. */
	token?: string | null;
	headers?: Record<string, string>;
	/** `null` sends no User-Agent header. */
	userAgent?: string | null;
}

export interface CallResult<T> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The parsed body, typed by the caller (tests assert on it; nothing is validated here). */
	json: T;
}

export type MemberJson = Record<string, string | number | null>;

export interface MemberEnvelope {
	member: MemberJson;
}

export interface ErrorJson {
	error: string;
	error_description: string;
	errors: string[];
}

export interface TokenJson {
	access_token: string;
	token_type: string;
	refresh_token: string;
	expires_in: number | string;
	scope: null;
}

export interface PointJson {
	id: string;
	title: string | null;
	point: number;
	detail: string | null;
	remarks: string | null;
	expired_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface ExpiryJson {
	expired_at: string;
	point: number;
}

export type PageJson<K extends string, T> = {
	total: number;
	per_page: number;
	current_page: number;
	last_page: number;
} & { [P in K]: T[] };

type Method = 'GET' | 'POST' | 'PUT';

/** One HTTP call to the simulator over real sockets. `path` is relative to `sim.appUrl`. */
export async function call<T>(
	sim: YappliSimulator,
	method: Method,
	path: string,
	token: string | undefined,
	options: CallOptions = {},
): Promise<CallResult<T>> {
	const headers: Record<string, string> = {};
	if (options.userAgent !== null) headers['user-agent'] = options.userAgent ?? TEST_AGENT;
	const bearer = options.token === undefined ? token : options.token;
	if (bearer) headers.authorization = `Bearer ${bearer}`;
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	Object.assign(headers, options.headers);
	const res = await request(`${sim.appUrl}${path}`, { method, headers, body });
	const text = await res.body.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json: json as T };
}

/** Shorthands bound to one simulator, carrying the token from the last `login()`. */
export function client(sim: YappliSimulator) {
	let token: string | undefined;
	return {
		/** Gets a token with the simulator's credentials and uses it from then on. */
		async login(): Promise<string> {
			const res = await call<TokenJson>(sim, 'POST', '/api/ext/token', undefined, {
				body: {
					grant_type: 'client_credentials',
					client_id: sim.clientId,
					client_secret: sim.clientSecret,
				},
			});
			if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
			token = res.json.access_token;
			return token;
		},
		get: <T = ErrorJson>(path: string, options?: CallOptions) =>
			call<T>(sim, 'GET', path, token, options),
		post: <T = ErrorJson>(path: string, body?: unknown, options?: CallOptions) =>
			call<T>(sim, 'POST', path, token, { ...options, body }),
		put: <T = ErrorJson>(path: string, body?: unknown, options?: CallOptions) =>
			call<T>(sim, 'PUT', path, token, { ...options, body }),
	};
}

export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms → `YYYY-MM-DD HH:MM:SS` in Japan time, computed without the simulator's helpers. */
export function jst(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000 + 9 * 3_600_000)
		.toISOString()
		.slice(0, 19)
		.replace('T', ' ');
}
