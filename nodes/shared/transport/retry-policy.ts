/** How long to wait and how often, for the statuses and failures worth retrying. */
export interface RetryPolicy {
	/**
	 * Attempts that may end in a failure other than a refusal (502, 504, a dropped connection, a
	 * timeout…), the first included.
	 */
	maxAttempts: number;
	/**
	 * Refusals (429 or 503: the vendor processed nothing) a request may receive before it fails.
	 * Counted apart from maxAttempts: when several n8n processes share a key, refusals come in
	 * storms until their adaptive rates have settled, and a refused request costs the vendor
	 * nothing and is safe to repeat, even a write. maxTotalWaitMs bounds them too.
	 */
	maxRefusals: number;
	/** First backoff step; doubles per attempt. */
	baseDelayMs: number;
	/** Longest single backoff step. */
	maxDelayMs: number;
	/** Longest total time one request may spend waiting for retries before failing fast. */
	maxTotalWaitMs: number;
	/**
	 * After a request used up its retries, every request with the same key fails at once for
	 * this long (a circuit breaker), instead of each one waiting through the whole backoff
	 * again. 0 switches the breaker off.
	 */
	circuitBreakerCooldownMs: number;
	/**
	 * Wait the full step plus up to this much at random (a vendor that documents its steps, e.g.
	 * cyzen's 1, 2, 4, 8, 16 s), instead of a random time in the step's upper half.
	 */
	jitterMs?: number;
	/**
	 * Statuses the caller answers itself (cyzen's schedule lists ask a window that answered 500
	 * again day by day): such an answer fails the request at once, without a retry or the
	 * breaker, while other failures are retried as usual.
	 */
	handledByCaller?: number[];
}

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 6,
	maxRefusals: 10,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
	circuitBreakerCooldownMs: 30_000,
};

/** Network failures after which the request may or may not have reached the vendor. */
const AMBIGUOUS_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export type FailureKind =
	| { kind: 'status'; status: number }
	| { kind: 'network'; code: string }
	/** No answer within the request's timeout: sent, maybe processed. */
	| { kind: 'timeout' }
	| { kind: 'refused' }
	| { kind: 'malformed' }
	/** The execution was cancelled (n8n's Stop button, a timeout of the workflow, shutdown). */
	| { kind: 'cancelled' }
	/** n8n could not refresh the credential (e.g. a revoked refresh token): it must be reconnected. */
	| { kind: 'credential' };

/** Statuses after which the vendor may or may not have acted: an error while or after processing (500), a proxy that lost the answer (502, 504). */
const AMBIGUOUS_STATUSES = new Set([500, 502, 504]);

/**
 * Whether a failed request may be sent again. 429 and 503 mean the vendor refused the request
 * without processing it, so even a write is safe to repeat; a connection refused never reached
 * it. After 500/502/504, a reset, a timeout or a garbled answer the vendor may already have
 * acted, so only idempotent requests go again. A cancel or a dead credential is never retried.
 */
export function isRetryable(failure: FailureKind, idempotent: boolean): boolean {
	switch (failure.kind) {
		case 'status':
			if (isRefusal(failure)) return true;
			return idempotent && AMBIGUOUS_STATUSES.has(failure.status);
		case 'refused':
			return true;
		case 'network':
			return idempotent && AMBIGUOUS_NETWORK_CODES.has(failure.code);
		case 'timeout':
		case 'malformed':
			return idempotent;
		case 'cancelled':
		case 'credential':
			return false;
	}
}

/** A 429 or 503: the vendor refused the request without processing it (slow down, or come back later). */
export function isRefusal(failure: FailureKind): boolean {
	return failure.kind === 'status' && (failure.status === 429 || failure.status === 503);
}

/**
 * Whether a DELETE answered this way means the record is gone: 404 or 410. Only meaningful on a
 * retry after an attempt that may have been carried out (its answer was lost), where the record
 * missing is the earlier attempt's own doing, not a wrong ID.
 */
export function isGoneAfterDelete(method: string, status: number | undefined): boolean {
	return method === 'DELETE' && (status === 404 || status === 410);
}

/** Whether the vendor may have acted on a request that failed this way (its answer was lost). */
export function mayHaveBeenProcessed(failure: FailureKind): boolean {
	switch (failure.kind) {
		case 'timeout':
		case 'malformed':
			return true;
		case 'network':
			return AMBIGUOUS_NETWORK_CODES.has(failure.code);
		case 'status':
			return AMBIGUOUS_STATUSES.has(failure.status);
		default:
			return false;
	}
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from `nowMs`; undefined if absent or unreadable. */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value === 'number') return Math.max(0, value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.round(Number(trimmed) * 1000));
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with jitter over the upper half, so clients that failed together spread out. */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	if (policy.jitterMs !== undefined) return Math.round(ceiling + random() * policy.jitterMs);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
