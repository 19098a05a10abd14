import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureKind } from './retry-policy';
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
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: ErrorLike;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

/**
 * Reads status, headers, body or network code out of what `httpRequestWithAuthentication` threw:
 * a NodeApiError wrapping an axios error (status errors and network errors alike). Only those
 * fields are kept; the request config, which holds the credential headers, is dropped here.
 */
export function describeFailure(thrown: unknown): AttemptFailure {
	const chain: ErrorLike[] = [];
	for (let e = thrown as ErrorLike | undefined; e && chain.length < 5; e = e.cause) chain.push(e);
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
	if (code === 'ECONNREFUSED')
		return { failure: { kind: 'refused' }, headers: {}, networkMessage: message };
	if (code) return { failure: { kind: 'network', code }, headers: {}, networkMessage: message };
	const httpCode = Number(chain.map((e) => e.httpCode).find(Boolean));
	if (httpCode)
		return { failure: { kind: 'status', status: httpCode }, status: httpCode, headers: {} };
	// A socket dropped mid-answer surfaces as "socket hang up" / "aborted" without a code.
	if (/socket hang up|aborted|ECONNRESET/i.test(message)) {
		return {
			failure: { kind: 'network', code: 'ECONNRESET' },
			headers: {},
			networkMessage: message,
		};
	}
	return { failure: { kind: 'network', code: 'EUNKNOWN' }, headers: {}, networkMessage: message };
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

export interface ApiErrorContext {
	node: INode;
	profile: VendorProfile;
	method: string;
	path: string;
	itemIndex?: number;
}

/** A NodeApiError carrying the vendor's own message, an English hint and nothing secret. */
export function vendorApiError(
	context: ApiErrorContext,
	attempt: AttemptFailure,
	detail: VendorErrorDetail | undefined,
	extra: { message?: string; hint?: string; failure?: NodeApiError['failure'] } = {},
): NodeApiError {
	const { profile, method, path } = context;
	const vendorMessage = detail?.message;
	let message: string;
	if (extra.message) {
		message = extra.message;
	} else if (attempt.status === undefined) {
		message = `${profile.displayName} request failed: ${attempt.networkMessage ?? 'no response'}`;
	} else if (vendorMessage) {
		message = `${profile.displayName} returned ${attempt.status}: ${vendorMessage}`;
	} else {
		message = `${profile.displayName} returned HTTP ${attempt.status}`;
	}
	const hint =
		extra.hint ??
		(attempt.status !== undefined
			? (profile.hints?.[attempt.status] ?? STATUS_HINTS[attempt.status])
			: undefined) ??
		(attempt.failure.kind === 'malformed'
			? 'The answer was not JSON, often a proxy or maintenance page. Check the base URL in the credential.'
			: 'The connection to the vendor failed. Check the base URL and the network, then try again.');
	const response: JsonObject = {
		message,
		method,
		path,
		...(attempt.status !== undefined ? { httpCode: String(attempt.status) } : {}),
		...(detail?.code ? { vendorCode: detail.code } : {}),
		...(attempt.body !== undefined ? { body: attempt.body as JsonObject } : {}),
	};
	const error = new NodeApiError(context.node, response, {
		message,
		description: `${hint} (${method} ${path})`,
		httpCode: attempt.status !== undefined ? String(attempt.status) : undefined,
		itemIndex: context.itemIndex,
		failure: extra.failure,
	});
	// Callers that act on the vendor's answer (e.g. bulk endpoints naming the bad rows) read it here.
	if (attempt.body !== undefined) error.context.vendorBody = attempt.body as JsonObject;
	if (attempt.status !== undefined) error.context.vendorStatus = attempt.status;
	error.context.failureKind = attempt.failure.kind;
	return error;
}

/** The vendor's response body and status carried by an error from vendorRequest, if any. */
export function vendorResponseOf(error: unknown): {
	status?: number;
	body?: unknown;
	failureKind?: string;
} {
	const context = (
		error as { context?: { vendorBody?: unknown; vendorStatus?: number; failureKind?: string } }
	)?.context;
	return {
		status: context?.vendorStatus,
		body: context?.vendorBody,
		failureKind: context?.failureKind,
	};
}
