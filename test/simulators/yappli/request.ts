import type { SimRequest } from '../../kit/simulator';
import { badRequest } from './errors';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document asks every request to carry a User-Agent header. [proposed] Missing or blank → 400.
 */
export function requireUserAgent(req: SimRequest): void {
	const agent = req.headers['user-agent'];
	if (typeof agent !== 'string' || agent.trim() === '') badRequest('User-Agent header is required');
}

/** The bearer token of `Authorization: Bearer …` (scheme matched case-insensitively [proposed]). */
export function bearerToken(req: SimRequest): string | undefined {
	const header = req.headers.authorization;
	if (typeof header !== 'string') return undefined;
	return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

/**
 * A POST/PUT body: JSON in UTF-8 (vendor doc: examples send `Content-Type: application/json`;
 * only UTF-8 is supported). [proposed] Another content type, a declared charset other than UTF-8,
 * bytes that are not UTF-8, broken JSON or a non-object → 400. An empty body reads as `{}`.
 */
export function jsonBody(req: SimRequest): Json {
	if (req.rawBody.trim() === '') return {};
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	if (!type.includes('application/json')) badRequest('Content-Type must be application/json');
	const charset = /charset\s*=\s*"?([^";\s]+)/.exec(type)?.[1];
	if (charset && charset !== 'utf-8' && charset !== 'utf8')
		badRequest(`only UTF-8 is supported, got charset=${charset}`);
	if (req.rawBody.includes('\uFFFD')) badRequest('request body is not valid UTF-8');
	if (typeof req.body === 'string') badRequest('request body is not valid JSON');
	if (!isObject(req.body)) badRequest('request body must be a JSON object');
	return req.body;
}

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 1000;

export interface PageParams {
	page: number;
	perPage: number;
}

function positiveInt(raw: string | null, name: string, fallback: number): number {
	if (raw === null) return fallback;
	if (!/^\d+$/.test(raw)) badRequest(`${name} must be a positive integer`);
	const value = Number(raw);
	if (value < 1) badRequest(`${name} must be at least 1`);
	return value;
}

/**
 * `page` (default 1) and `per_page` (default 50, max 1000) — vendor doc. [proposed] Non-integers,
 * values below 1 and `per_page` above 1000 are answered 400 rather than clamped.
 */
export function pageParams(query: URLSearchParams): PageParams {
	const page = positiveInt(query.get('page'), 'page', 1);
	const perPage = positiveInt(query.get('per_page'), 'per_page', DEFAULT_PER_PAGE);
	if (perPage > MAX_PER_PAGE) badRequest(`per_page must be at most ${MAX_PER_PAGE}`);
	return { page, perPage };
}

/** The document's page envelope: `<key>: […], total, per_page, current_page, last_page`. */
export function pageOf<T>(
	key: 'members' | 'points',
	items: T[],
	params: PageParams,
	render: (item: T) => unknown,
): Json {
	const start = (params.page - 1) * params.perPage;
	return {
		[key]: items.slice(start, start + params.perPage).map(render),
		total: items.length,
		per_page: params.perPage,
		current_page: params.page,
		// [proposed] 1 when the list is empty, as Laravel-style paginators answer.
		last_page: Math.max(1, Math.ceil(items.length / params.perPage)),
	};
}

/**
 * A Boolean parameter (`with_column_key`): JSON true/false, 1/0, or in a query string
 * `true`/`false`/`1`/`0` [proposed]; anything else → 400.
 */
export function flag(value: unknown, name: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (value === true || value === 1 || value === 'true' || value === '1') return true;
	if (value === false || value === 0 || value === 'false' || value === '0' || value === '')
		return false;
	return badRequest(`${name} must be a boolean`);
}

/** `with_column_key` from the query string, or from a JSON body (create/update list it). */
export function withColumnKey(req: SimRequest, body?: Json): boolean {
	const fromBody = body ? flag(body.with_column_key, 'with_column_key') : undefined;
	const fromQuery = flag(req.query.get('with_column_key') ?? undefined, 'with_column_key');
	return fromBody ?? fromQuery ?? false;
}
