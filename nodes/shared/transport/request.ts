import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { describeFailure, vendorApiError, type AttemptFailure } from './errors';
import { encodeMultipart, newMultipartBoundary, type MultipartParts } from './multipart';
import { redact, secretValues } from './redact';
import {
	backoffDelay,
	defaultRetryPolicy,
	isRetryable,
	parseRetryAfter,
	type RetryPolicy,
} from './retry-policy';
import {
	CredentialThrottle,
	DailyQuotaExhausted,
	effectiveThrottle,
	sharedThrottle,
} from './throttle';
import type { VendorProfile } from './vendor-profile';

export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

/** How a vendor is reached: its profile, its credential type and where the base URL lives. */
export interface VendorConnection {
	profile: VendorProfile;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Below the credential's base URL, e.g. `/customers/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Send `body` form-encoded instead of JSON. */
	form?: boolean;
	/**
	 * Send these parts as a multipart/form-data body instead of `body` (e.g. a CSV upload). Each
	 * attempt carries the same encoded text, so a credential may add its own parts at authentication.
	 */
	multipart?: MultipartParts;
	headers?: Record<string, string>;
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
	/**
	 * Whether sending the request twice is harmless. Defaults to true for GET, HEAD, PUT and
	 * DELETE and false for POST and PATCH; a non-idempotent request is repeated only after a
	 * 429 or 503, which prove the vendor did not process it.
	 */
	idempotent?: boolean;
}

export interface RequestOptions {
	/** The node's "Max Requests per Second" option; can only lower the vendor's rate. */
	maxRequestsPerSecond?: number;
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	/** Tests hand in their own throttle; nodes use the process-wide one. */
	throttle?: CredentialThrottle;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

function throttleKey(context: RequestContext, credentialType: string, baseUrl: string): string {
	const id = context.getNode().credentials?.[credentialType]?.id;
	return `${credentialType}:${id ?? baseUrl}`;
}

function isCancelled(context: RequestContext): boolean {
	return (
		'getExecutionCancelSignal' in context && context.getExecutionCancelSignal?.()?.aborted === true
	);
}

function formatWait(ms: number): string {
	return ms >= 120_000 ? `${Math.ceil(ms / 60_000)} minutes` : `${Math.ceil(ms / 1000)} seconds`;
}

/**
 * The only way our nodes and triggers talk HTTP. It throttles per credential, goes through
 * `httpRequestWithAuthentication` (so n8n injects the credential, runs preAuthentication and
 * refreshes OAuth2 tokens on 401), retries what is safe to retry with Retry-After or jittered
 * backoff up to a total wait, treats an error inside a 2xx body as an error, and turns every
 * failure into a NodeApiError with the vendor's message and no secret in it.
 */
export async function vendorRequest<T = unknown>(
	this: RequestContext,
	connection: VendorConnection,
	request: VendorRequest,
	options: RequestOptions = {},
): Promise<T> {
	const { profile, credentialType } = connection;
	const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
	const throttle = options.throttle ?? sharedThrottle;
	const credentials = await this.getCredentials(credentialType, options.itemIndex);
	const secrets = secretValues(credentials, profile.secretFields);
	const baseUrl = connection.baseUrl(credentials).replace(/\/+$/, '');
	const key = throttleKey(this, credentialType, baseUrl);
	const rate = effectiveThrottle(profile.throttle, options.maxRequestsPerSecond);
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const errorContext = {
		node: this.getNode(),
		profile,
		method: request.method,
		path: request.path,
		itemIndex: options.itemIndex,
	};
	const fail = (attempt: AttemptFailure, extra?: Parameters<typeof vendorApiError>[3]) => {
		const clean = redact(attempt, secrets);
		const detail =
			clean.body === undefined
				? undefined
				: attempt.status !== undefined && attempt.status < 300
					? profile.errorInSuccessBody?.(clean.body)
					: profile.errorFromBody(clean.body);
		return vendorApiError(errorContext, clean, detail, extra);
	};

	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		try {
			await throttle.acquire(key, rate);
		} catch (error) {
			if (error instanceof DailyQuotaExhausted) {
				throw fail(
					{ failure: { kind: 'status', status: 429 }, status: 429, headers: {} },
					{
						message: `${profile.displayName} daily quota of ${error.quota} requests is used up for this credential until ${error.resetsAt.toISOString()}`,
						hint: `This n8n has used the ${profile.displayName} daily quota of ${error.quota} requests for this credential. It resets at ${error.resetsAt.toISOString()} (00:00 UTC); run the workflow after that.`,
						failure: { cause: 'quota-exhausted', resetsAtEpochMs: error.resetsAt.getTime() },
					},
				);
			}
			throw new NodeOperationError(this.getNode(), error as Error);
		}

		const sent = await sendOnce(this, connection, request, baseUrl);
		if ('response' in sent) return redactIfPresent(sent.response, secrets) as T;
		const outcome = sent.failure;
		const refusal = outcome.failure.kind === 'status' ? outcome.failure.status : undefined;

		if (!isRetryable(outcome.failure, idempotent) || attempt + 1 >= policy.maxAttempts) {
			throw fail(outcome);
		}
		const retryAfterMs = parseRetryAfter(outcome.headers['retry-after'], Date.now());
		const waitMs = retryAfterMs ?? backoffDelay(attempt, policy);
		if (waitedMs + waitMs > policy.maxTotalWaitMs || isCancelled(this)) {
			const resetsAt = new Date(Date.now() + waitMs);
			if (refusal === 429 && retryAfterMs !== undefined && retryAfterMs > policy.maxTotalWaitMs) {
				throttle.exhaustToday(key, profile.throttle);
			}
			throw fail(outcome, {
				hint: `${profile.displayName} asked to wait ${formatWait(waitMs)}, longer than this node waits. Retry after ${resetsAt.toISOString()}.`,
				failure: {
					cause: refusal === 429 ? 'rate-limited' : 'temporarily-unavailable',
					retryAfterMs: waitMs,
					resetsAtEpochMs: resetsAt.getTime(),
				},
			});
		}
		this.logger?.debug(
			`${profile.displayName} ${request.method} ${request.path}: ${outcome.status ?? outcome.failure.kind}, retrying in ${waitMs} ms`,
		);
		waitedMs += waitMs;
		await sleep(waitMs);
	}
}

type SendResult = { response: unknown } | { failure: AttemptFailure };

/** One attempt, never throwing: either the vendor's answer or what went wrong. */
async function sendOnce(
	context: RequestContext,
	{ credentialType, profile }: VendorConnection,
	request: VendorRequest,
	baseUrl: string,
): Promise<SendResult> {
	let response: unknown;
	const boundary = request.multipart ? newMultipartBoundary() : undefined;
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, credentialType, {
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			body:
				request.multipart && boundary
					? encodeMultipart(request.multipart, boundary)
					: request.body,
			headers: {
				...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
				...(boundary ? { 'content-type': `multipart/form-data; boundary=${boundary}` } : {}),
				...request.headers,
			},
			json: !request.form,
			arrayFormat: request.arrayFormat,
		});
	} catch (error) {
		return { failure: describeFailure(error) };
	}
	if (typeof response === 'string' && response.trim() !== '' && !isJson(response)) {
		return {
			failure: {
				failure: { kind: 'malformed' },
				headers: {},
				networkMessage: 'The answer was not valid JSON',
			},
		};
	}
	const detail = profile.errorInSuccessBody?.(response);
	if (!detail) return { response };
	// A throttle reported inside a 2xx body is a refusal like a 429: nothing was processed.
	const status = detail.status ?? (detail.throttled ? 429 : 200);
	return {
		failure: {
			failure: { kind: 'status', status },
			status: detail.status ?? 200,
			headers: {},
			body: response,
		},
	};
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function redactIfPresent(response: unknown, secrets: string[]): unknown {
	if (secrets.length === 0 || response === null || typeof response !== 'object') return response;
	const text = JSON.stringify(response);
	return secrets.some((secret) => text.includes(secret)) ? redact(response, secrets) : response;
}
