import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureKind } from './retry-policy';
import { readVendorError } from './vendor-error';
import type { VendorErrorDetail, VendorProfile } from './vendor-profile';

/** What the layer could learn from one failed attempt, with nothing secret in it. */
export interface AttemptFailure {
	failure: FailureKind;
	status?: number;
	headers: Record<string, unknown>;
	body?: unknown;
	/** The network error text when there was no response. */
	networkMessage?: string;
}

interface ErrorLike {
	name?: string;
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: ErrorLike;
	failure?: { cause?: string };
	/** client-oauth2's AuthError: the token endpoint's answer to a refresh. */
	body?: unknown;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

/**
 * Reads status, headers, body or network code out of what `httpRequestWithAuthentication` threw:
 * a NodeApiError wrapping an axios error (status errors and network errors alike), or n8n-core's
 * "needs to be reconnected" error when refreshing an OAuth2 token failed. Only those fields are
 * kept; the request config, which holds the credential headers, is dropped here.
 */
export function describeFailure(thrown: unknown): AttemptFailure {
	const chain: ErrorLike[] = [];
	for (let e = thrown as ErrorLike | undefined; e && chain.length < 5; e = e.cause) chain.push(e);
	const reconnect = chain.find((e) => e.failure?.cause === 'credential-invalid');
	const tokenEndpoint = chain.find(
		(e) =>
			e.body &&
			typeof e.body === 'object' &&
			typeof (e.body as { error?: unknown }).error === 'string',
	);
	if (reconnect || tokenEndpoint) {
		return {
			failure: { kind: 'credential' },
			headers: {},
			body: tokenEndpoint?.body,
			networkMessage: reconnect?.message ?? tokenEndpoint?.message,
		};
	}
	const withResponse = chain.find((e) => e.response?.status);
	if (withResponse?.response) {
		const { status, headers, data } = withResponse.response;
		return {
			failure: { kind: 'status', status: status as number },
			status,
			headers: normaliseHeaders(headers),
			body: data,
		};
	}
	const code = chain
		.map((e) => e.code)
		.find((c): c is string => typeof c === 'string' && /^E[A-Z_]+$/.test(c));
	const message = chain.map((e) => e.message).find(Boolean) ?? 'Unknown network error';
	const network = (failure: FailureKind): AttemptFailure => ({
		failure,
		headers: {},
		networkMessage: message,
	});
	if (
		code === 'ERR_CANCELED' ||
		chain.some((e) => e.name === 'CanceledError' || e.name === 'AbortError')
	) {
		return network({ kind: 'cancelled' });
	}
	const timedOut = chain.some((e) => /timeout/i.test(e.message ?? ''));
	if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && timedOut)) {
		return network({ kind: 'timeout' });
	}
	if (code === 'ECONNREFUSED') return network({ kind: 'refused' });
	if (code) return network({ kind: 'network', code });
	const httpCode = Number(chain.map((e) => e.httpCode).find(Boolean));
	if (httpCode)
		return { failure: { kind: 'status', status: httpCode }, status: httpCode, headers: {} };
	// A socket dropped mid-answer surfaces as "socket hang up" / "aborted" without a code.
	if (/socket hang up|aborted|ECONNRESET/i.test(message)) {
		return network({ kind: 'network', code: 'ECONNRESET' });
	}
	return network({ kind: 'network', code: 'EUNKNOWN' });
}

function normaliseHeaders(headers: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
			? ((headers as { toJSON: () => Record<string, unknown> }).toJSON() ?? {})
			: (headers as Record<string, unknown>);
	for (const [key, value] of Object.entries(source)) out[key.toLowerCase()] = value;
	return out;
}

const STATUS_HINTS: Partial<Record<number, string>> = {
	400: 'The vendor rejected the request. Check the fields named in the message.',
	401: 'The credential was rejected. Check the API key or reconnect the credential.',
	403: 'The credential is valid but not allowed to do this (plan, role or IP allowlist).',
	404: 'The record or path does not exist. Check the ID and the base URL in the credential.',
	409: 'The request conflicts with the current state of the record.',
	422: 'The vendor could not process the values sent. Check the fields named in the message.',
	429: 'The vendor is rate-limiting this account.',
	500: 'The vendor had an internal error. Try again later; if it persists, contact the vendor.',
	502: 'The vendor or a proxy in front of it is unavailable. Try again later.',
	503: 'The vendor is temporarily unavailable or throttling. Try again later.',
	504: 'The vendor did not answer in time. Try again later.',
};

/** Hints for failures without a status (or whose status says less than the failure). */
const KIND_HINTS: Partial<Record<FailureKind['kind'], string>> = {
	malformed:
		'The answer was not JSON, often a proxy or maintenance page. Check the base URL in the credential.',
	credential:
		'n8n could not refresh the access token: the refresh token was revoked or has expired (for example used by another client, or access was withdrawn). Open the credential and click Reconnect.',
	cancelled: 'The execution was stopped; nothing further was sent.',
	timeout:
		'The vendor did not answer in time. Try again later, or raise the Timeout option if large requests need longer.',
};
const NETWORK_HINT =
	'The connection to the vendor failed. Check the base URL and the network, then try again.';

export interface ApiErrorContext {
	node: INode;
	profile: VendorProfile;
	method: string;
	/** The request path with every secret already masked. */
	path: string;
	itemIndex?: number;
}

/** The vendor's message out of a body: the profile's reader, else the shared one. */
export function vendorDetail(
	profile: VendorProfile,
	attempt: AttemptFailure,
): VendorErrorDetail | undefined {
	if (attempt.body === undefined) return undefined;
	if (attempt.status !== undefined && attempt.status < 300)
		return profile.errorInSuccessBody?.(attempt.body);
	return (profile.errorFromBody ?? readVendorError)(attempt.body);
}

/** The English hint for a failure: the profile's (by body, then by status), the layer's, or the network hint. */
export function defaultHint(
	profile: VendorProfile,
	attempt: AttemptFailure,
	detail: VendorErrorDetail | undefined,
): string {
	const { status } = attempt;
	const byStatus =
		status === undefined
			? undefined
			: (profile.hintFor?.({ status, body: attempt.body, detail }) ??
				profile.hints?.[status] ??
				STATUS_HINTS[status]);
	return byStatus ?? KIND_HINTS[attempt.failure.kind] ?? NETWORK_HINT;
}

function defaultMessage(
	profile: VendorProfile,
	attempt: AttemptFailure,
	detail: VendorErrorDetail | undefined,
): string {
	const name = profile.displayName;
	if (attempt.failure.kind === 'credential') {
		// n8n-core says `The credential "X" needs to be reconnected.`; a token endpoint says why.
		if (detail) return `${name} refused to refresh the credential: ${detail.message}`;
		const text = (attempt.networkMessage ?? 'The credential needs to be reconnected').replace(
			/\.$/,
			'',
		);
		return `${name}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
	}
	if (attempt.status === undefined)
		return `${name} request failed: ${attempt.networkMessage ?? 'no response'}`;
	if (detail) return `${name} returned ${attempt.status}: ${detail.message}`;
	return `${name} returned HTTP ${attempt.status}`;
}

/** A NodeApiError carrying the vendor's own message, an English hint and nothing secret. */
export function vendorApiError(
	context: ApiErrorContext,
	attempt: AttemptFailure,
	detail: VendorErrorDetail | undefined,
	extra: { message?: string; hint?: string; failure?: NodeApiError['failure'] } = {},
): NodeApiError {
	const { profile, method, path } = context;
	const message = extra.message ?? defaultMessage(profile, attempt, detail);
	const hint = extra.hint ?? defaultHint(profile, attempt, detail);
	const response: JsonObject = {
		message,
		method,
		path,
		...(attempt.status !== undefined ? { httpCode: String(attempt.status) } : {}),
		...(detail?.code ? { vendorCode: detail.code } : {}),
		...(attempt.body !== undefined ? { body: attempt.body as JsonObject } : {}),
	};
	const failure =
		extra.failure ??
		(attempt.failure.kind === 'credential' ? { cause: 'credential-invalid' as const } : undefined);
	const error = new NodeApiError(context.node, response, {
		message,
		description: `${hint} (${method} ${path})`,
		httpCode: attempt.status !== undefined ? String(attempt.status) : undefined,
		itemIndex: context.itemIndex,
		failure,
	});
	// Callers that act on the vendor's answer (e.g. bulk endpoints naming the bad rows) read it here.
	if (attempt.body !== undefined) error.context.vendorBody = attempt.body as JsonObject;
	if (attempt.status !== undefined) error.context.vendorStatus = attempt.status;
	return error;
}

/** The vendor's response body and status carried by an error from vendorRequest, if any. */
export function vendorResponseOf(error: unknown): { status?: number; body?: unknown } {
	const context = (error as { context?: { vendorBody?: unknown; vendorStatus?: number } })?.context;
	return { status: context?.vendorStatus, body: context?.vendorBody };
}
