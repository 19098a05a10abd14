import { request } from 'undici';

import type { ExpenseJson } from './expenses';
import type { RodemSimulator } from './rodem-simulator';

export type { ExpenseJson };

export interface CallResult<T> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The parsed body, typed by the caller (tests assert on it; nothing is validated here). */
	json: T;
}

export interface OAuthErrorJson {
	error: string;
	error_description?: string;
}

/** A token answer or an error answer: tests read whichever the status says. */
export interface TokenJson extends Partial<OAuthErrorJson> {
	access_token: string;
	token_type?: string;
	expires_in: number;
	refresh_token: string;
	scope?: string;
	created_at?: number;
}

export interface ExpensePageJson extends Partial<OAuthErrorJson> {
	id: number;
	total_expense_count: number;
	offset: number;
	expens_details?: ExpenseJson[];
	expense_details?: ExpenseJson[];
}

async function send<T>(
	url: string,
	method: 'GET' | 'POST',
	headers: Record<string, string>,
	body?: string,
): Promise<CallResult<T>> {
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

/** HTTP helpers over the simulator, shaped like the calls n8n and the node make. */
export function client(sim: RodemSimulator) {
	return {
		/** `GET /oauth/authorize` with the given query; redirects are not followed. */
		authorize(params: Record<string, string | undefined>) {
			const url = new URL(sim.authUrl);
			for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
			return send<OAuthErrorJson>(url.toString(), 'GET', {});
		},

		/** A valid authorize request's query for `redirectUri` (the first registered one by default). */
		/** `state: null` leaves the state out. */
		authorizeParams(redirectUri = [...sim.oauth.redirectUris][0], state: string | null = 'xyz') {
			return {
				client_id: sim.clientId,
				redirect_uri: redirectUri,
				response_type: 'code',
				scope: 'expense_read',
				state: state ?? undefined,
			};
		},

		/** `POST /oauth/token`, form-encoded (RFC 6749), optionally with HTTP Basic client auth. */
		token<T = TokenJson>(
			params: Record<string, string | undefined>,
			options: { basic?: [string, string]; json?: boolean } = {},
		) {
			const defined = Object.fromEntries(
				Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
			);
			const headers: Record<string, string> = {
				'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
				accept: 'application/json',
			};
			if (options.basic) {
				headers.authorization = `Basic ${Buffer.from(options.basic.join(':')).toString('base64')}`;
			}
			const body = options.json ? JSON.stringify(defined) : new URLSearchParams(defined).toString();
			return send<T>(sim.accessTokenUrl, 'POST', headers, body);
		},

		/** The code the authorize endpoint hands the browser (auto consent). */
		async code(redirectUri = [...sim.oauth.redirectUris][0]): Promise<string> {
			const res = await this.authorize(this.authorizeParams(redirectUri));
			const location = new URL(String(res.headers.location));
			const code = location.searchParams.get('code');
			if (res.status !== 302 || !code) throw new Error(`authorize answered ${res.status}`);
			return code;
		},

		/** The vendor's body-parameter code exchange. */
		exchange(code: string, redirectUri = [...sim.oauth.redirectUris][0]) {
			return this.token({
				client_id: sim.clientId,
				client_secret: sim.clientSecret,
				redirect_uri: redirectUri,
				grant_type: 'authorization_code',
				code,
			});
		},

		/** The vendor's body-parameter refresh. */
		refresh<T = TokenJson>(refreshToken: string) {
			return this.token<T>({
				client_id: sim.clientId,
				client_secret: sim.clientSecret,
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
			});
		},

		/** `GET /api/v1/expenses` with `Authorization: Bearer` and `Accept: application/json`. */
		expenses<T = ExpensePageJson>(
			query: Record<string, string | number>,
			token: string | null,
			headers: Record<string, string> = {},
		) {
			const url = new URL(`${sim.baseUrl}/api/v1/expenses`);
			for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
			const all: Record<string, string> = { accept: 'application/json', ...headers };
			if (token !== null) all.authorization = `Bearer ${token}`;
			return send<T>(url.toString(), 'GET', all);
		},
	};
}

/** The record list whichever key carries it. */
export function detailsOf(page: ExpensePageJson): ExpenseJson[] {
	return page.expens_details ?? page.expense_details ?? [];
}

/** `2024-04-01` → `20240401`. */
export const ymd = (date: string): string => date.replace(/-/g, '');
