import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { processesSharingKeyOf } from '../descriptions/processes-sharing-key';
import { budgetKey } from './budget';
import {
	defaultHint,
	describeFailure,
	vendorApiError,
	vendorDetail,
	type ApiErrorContext,
	type AttemptFailure,
} from './errors';
import { encodeMultipart, newMultipartBoundary, type MultipartParts } from './multipart';
import { Redactor, secretValues } from './redact';
import {
	backoffDelay,
	defaultRetryPolicy,
	isGoneAfterDelete,
	isRefusal,
	isRetryable,
	mayHaveBeenProcessed,
	parseRetryAfter,
	type RetryPolicy,
} from './retry-policy';
import {
	BudgetPaused,
	CredentialThrottle,
	DailyQuotaExhausted,
	effectiveThrottle,
	sharedThrottle,
	withRateCap,
	type Pause,
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
	/**
	 * The requests per second the credential says its key may use (a key the vendor lets other
	 * systems share, e.g. cyzen's token): lowers the profile's rate before the safety margin and
	 * the share between n8n processes. Undefined or above the profile's rate: the profile's.
	 */
	rateFromCredentials?(credentials: ICredentialDataDecryptedObject): number | undefined;
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
	/** The node's "Timeout" option: how long one attempt waits for an answer. Default 60 s. */
	timeoutMs?: number;
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	/** Tests hand in their own throttle; nodes use the process-wide one. */
	throttle?: CredentialThrottle;
}

/** How long one attempt waits for the vendor's answer unless the node's Timeout option says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

type ErrorExtra = Parameters<typeof vendorApiError>[3];

function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
}

/** Values of the profile's password-typed node parameters for this item (absent ones are skipped). */
function parameterSecrets(
	context: RequestContext,
	names: string[] | undefined,
	itemIndex = 0,
): string[] {
	const values: unknown[] = [];
	for (const name of names ?? []) {
		try {
			values.push(
				'getInputData' in context
					? context.getNodeParameter(name, itemIndex, '')
					: (context as IPollFunctions).getNodeParameter(name, ''),
			);
		} catch {
			// Not a parameter of this operation.
		}
	}
	return values.filter((value): value is string => typeof value === 'string' && value !== '');
}

function formatWait(ms: number): string {
	return ms >= 120_000 ? `${Math.ceil(ms / 60_000)} minutes` : `${Math.ceil(ms / 1000)} seconds`;
}

function formatSeconds(ms: number): string {
	const seconds = Number((ms / 1000).toFixed(2));
	return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** The message, hint and n8n failure of a request refused locally because its key is paused. */
function pausedExtra(
	profile: VendorProfile,
	pause: Pause,
	share: { processes: number; dailyQuota?: number },
): ErrorExtra {
	const name = profile.displayName;
	const until = new Date(pause.until).toISOString();
	const failure = {
		resetsAtEpochMs: pause.until,
		retryAfterMs: Math.max(0, pause.until - Date.now()),
	};
	if (pause.reason === 'daily-quota') {
		const quota = profile.throttle.dailyQuota;
		const ofQuota = quota === undefined ? '' : ` of ${quota} requests`;
		if (!pause.cause && share.processes > 1 && quota !== undefined) {
			return {
				message: `This n8n process's share of the ${name} daily quota (${share.dailyQuota} of ${quota} requests) is used up for this credential until ${until}`,
				hint: `The credential says ${share.processes} n8n processes share this key, so each sends at most ${share.dailyQuota} requests a day with it. It resets at ${until} (00:00 UTC); run the workflow after that.`,
				failure: { cause: 'quota-exhausted', ...failure },
			};
		}
		return {
			message: `${name} daily quota${ofQuota} is used up for this credential until ${until}${pause.cause ? ` (${name}: ${pause.cause})` : ''}`,
			hint: pause.cause
				? `${name} answered that the daily quota of this key is used up (every system using the key counts). It resets at ${until} (00:00 UTC); until then this n8n sends nothing with this key.`
				: `This n8n has used the ${name} daily quota${ofQuota} for this credential. It resets at ${until} (00:00 UTC); run the workflow after that.`,
			failure: { cause: 'quota-exhausted', ...failure },
		};
	}
	if (pause.reason === 'retry-after') {
		return {
			message: `Requests to ${name} with this credential are paused until ${until}: ${name} asked to wait (Retry-After)${pause.cause ? `. Its last answer: ${pause.cause}` : ''}`,
			hint: `${name} asked this n8n to wait longer than a node waits. Run the workflow after ${until}.`,
			failure: {
				cause: pause.status === 429 ? 'rate-limited' : 'temporarily-unavailable',
				...failure,
			},
		};
	}
	return {
		message: `Requests to ${name} with this credential are paused until ${until} (circuit breaker) after repeated failures${pause.cause ? `; the last: ${pause.cause}` : ''}`,
		hint: `A recent request with this key failed even after retrying, so requests fail at once for a short cool-down instead of each waiting through the retries again. Try again after ${until}.`,
		failure: { cause: 'temporarily-unavailable', ...failure },
	};
}

/**
 * The only way our nodes and triggers talk HTTP. It throttles per vendor budget (one API key,
 * whichever credential, node or execution uses it; this process's share of it when the credential
 * says several n8n processes send with the key), slows the key down when the vendor refuses
 * requests (429/503, see `AdaptiveRate`), goes through `httpRequestWithAuthentication`
 * (so n8n injects the credential, runs preAuthentication and refreshes OAuth2 tokens on 401),
 * retries what is safe to retry with Retry-After or jittered backoff up to a total wait, pauses
 * a key the vendor says is out of quota or asked to wait long, opens a short circuit breaker
 * after retries run out, stops when the execution is cancelled, treats an error inside a 2xx
 * body as an error, and turns every failure into a NodeApiError with the vendor's message and no
 * secret (credential or password-typed parameter) in it.
 */
export async function vendorRequest<T = unknown>(
	this: RequestContext,
	connection: VendorConnection,
	request: VendorRequest,
	options: RequestOptions = {},
): Promise<T> {
	const { profile, credentialType } = connection;
	const policy: RetryPolicy = { ...defaultRetryPolicy, ...profile.retry, ...options.retry };
	const throttle = options.throttle ?? sharedThrottle;
	const node = this.getNode();
	const credentials = await this.getCredentials(credentialType, options.itemIndex);
	const baseUrl = connection.baseUrl(credentials).replace(/\/+$/, '');
	const key = budgetKey(profile, credentials, baseUrl, node.credentials?.[credentialType]?.id);
	const fromParameters = parameterSecrets(this, profile.secretParameters, options.itemIndex);
	let redactor = new Redactor([
		...secretValues(credentials, profile.secretFields),
		...fromParameters,
	]);
	const processes = processesSharingKeyOf(credentials);
	if (processes === undefined) {
		throw new NodeOperationError(
			node,
			`The credential's "n8n processes sharing this key" must be a whole number of 1 or more`,
			{ itemIndex: options.itemIndex },
		);
	}
	const rate = effectiveThrottle(
		withRateCap(profile.throttle, connection.rateFromCredentials?.(credentials)),
		options.maxRequestsPerSecond,
		processes,
	);
	const timeoutMs =
		options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const signal = cancelSignalOf(this);
	const errorContext: ApiErrorContext = {
		node,
		profile,
		method: request.method,
		path: redactor.apply(request.path),
		itemIndex: options.itemIndex,
	};

	/** A NodeApiError for `attempt`, masked with the secrets as they are now (a refresh may have added a token). */
	const fail = async (attempt: AttemptFailure, extra?: (hint: string) => ErrorExtra) => {
		const now = await this.getCredentials(credentialType, options.itemIndex).catch(() => undefined);
		if (now)
			redactor = new Redactor([...secretValues(now, profile.secretFields), ...fromParameters]);
		const clean = redactor.apply(attempt);
		const detail = vendorDetail(profile, clean);
		return vendorApiError(
			errorContext,
			clean,
			detail,
			extra?.(defaultHint(profile, clean, detail)),
		);
	};
	const cancelled = async (inFlight: boolean) =>
		await fail({ failure: { kind: 'cancelled' }, headers: {} }, (hint) => ({
			message: `${profile.displayName} request cancelled: the execution was stopped`,
			hint:
				inFlight && !idempotent
					? `The execution was stopped while the request was under way, so it may have been applied in ${profile.displayName}; it was not sent again.`
					: hint,
		}));
	/** A timeout says how long the node waited; other failures keep the vendor's message. */
	const timeoutMessage = (outcome: AttemptFailure) =>
		outcome.failure.kind === 'timeout'
			? `${profile.displayName} did not answer within ${formatSeconds(timeoutMs)} (Timeout option)`
			: undefined;
	const refusedLocally = async (pause: Pause) =>
		await fail(
			{
				failure: { kind: 'status', status: pause.status ?? 429 },
				status: pause.status,
				headers: {},
			},
			() => pausedExtra(profile, pause, { processes, dailyQuota: rate.dailyQuota }),
		);

	let waitedMs = 0;
	/** An earlier attempt of this call may have been carried out although its answer was lost. */
	let mayHaveApplied = false;
	let refusals = 0;
	let otherFailures = 0;
	for (let attempt = 0; ; attempt++) {
		let sentAt: number;
		try {
			sentAt = await throttle.acquire(key, rate, signal);
		} catch (error) {
			if (error instanceof DailyQuotaExhausted || error instanceof BudgetPaused) {
				throw await refusedLocally(error.pause);
			}
			if (signal?.aborted) throw await cancelled(false);
			throw new NodeOperationError(node, error as Error);
		}

		const sent = await sendOnce(this, connection, request, { baseUrl, credentials, timeoutMs });
		if ('response' in sent) {
			throttle.answered(key, rate);
			return redactor.applyIfFound(sent.response) as T;
		}
		const outcome = sent.failure;
		if (signal?.aborted || outcome.failure.kind === 'cancelled') throw await cancelled(true);
		const status = outcome.failure.kind === 'status' ? outcome.failure.status : undefined;
		if (status !== undefined) throttle.heard(key, rate);
		const detail = vendorDetail(profile, redactor.apply(outcome));

		if (mayHaveApplied && isGoneAfterDelete(request.method, status)) {
			// The earlier attempt deleted it; the record is gone, which is what was asked.
			this.logger?.debug(
				redactor.apply(
					`${profile.displayName} ${request.method} ${errorContext.path}: ${status} on a retry after a lost answer, so the first attempt deleted it`,
				),
			);
			return undefined as T;
		}
		if (status !== undefined && profile.isQuotaRefusal?.({ status, body: outcome.body, detail })) {
			const resetsAt = throttle.exhaustToday(key, profile.throttle, detail?.message, status);
			throw await refusedLocally({
				reason: 'daily-quota',
				until: resetsAt.getTime(),
				cause: detail?.message,
				status,
			});
		}
		const handledByCaller = status !== undefined && policy.handledByCaller?.includes(status);
		if (handledByCaller || !isRetryable(outcome.failure, idempotent)) {
			throw await fail(outcome, (hint) => ({
				message: timeoutMessage(outcome),
				hint:
					!idempotent && mayHaveBeenProcessed(outcome.failure)
						? `The request was sent but its answer was lost, so it may have been applied in ${profile.displayName}; it was not sent again. Check there before re-running.`
						: hint,
			}));
		}

		const retryAfterMs = parseRetryAfter(outcome.headers['retry-after'], Date.now());
		const refused = isRefusal(outcome.failure);
		if (refused) {
			// Slow down: this process's share of the key shrinks, and nothing of it leaves before
			// a Retry-After the node waits for (a longer one pauses the key below).
			const heldMs =
				retryAfterMs !== undefined && waitedMs + retryAfterMs <= policy.maxTotalWaitMs
					? retryAfterMs
					: 0;
			throttle.refused(key, sentAt, heldMs);
		}
		const waitMs = retryAfterMs ?? backoffDelay(attempt, policy);
		if (retryAfterMs !== undefined && waitedMs + retryAfterMs > policy.maxTotalWaitMs) {
			// The vendor named a time: nothing with this key before then, but no longer either.
			const until = Date.now() + retryAfterMs;
			throttle.pause(key, { reason: 'retry-after', until, status, cause: detail?.message });
			throw await fail(outcome, () => ({
				hint: `${profile.displayName} asked to wait ${formatWait(retryAfterMs)}, longer than this node waits. Retry after ${new Date(until).toISOString()}; until then requests with this credential are paused.`,
				failure: {
					cause: status === 429 ? 'rate-limited' : 'temporarily-unavailable',
					retryAfterMs,
					resetsAtEpochMs: until,
				},
			}));
		}
		const triesLeft = refused
			? ++refusals < policy.maxRefusals
			: ++otherFailures < policy.maxAttempts;
		if (!triesLeft || waitedMs + waitMs > policy.maxTotalWaitMs) {
			throw await failAndOpenBreaker(outcome);
		}
		this.logger?.debug(
			redactor.apply(
				`${profile.displayName} ${request.method} ${errorContext.path}: ${outcome.status ?? outcome.failure.kind}, retrying in ${waitMs} ms`,
			),
		);
		waitedMs += waitMs;
		mayHaveApplied ||= mayHaveBeenProcessed(outcome.failure);
		try {
			await sleep(waitMs, signal);
		} catch {
			throw await cancelled(false);
		}
	}

	/** The retries are used up: report the last failure and let the key fail fast for a while. */
	async function failAndOpenBreaker(outcome: AttemptFailure): Promise<NodeApiError> {
		const cooldown = policy.circuitBreakerCooldownMs;
		if (!(cooldown > 0)) return await fail(outcome);
		const until = Date.now() + cooldown;
		const error = await fail(outcome, (hint) => ({
			message: timeoutMessage(outcome),
			hint: `${hint} Requests with this credential are paused until ${new Date(until).toISOString()} (circuit breaker, ${formatSeconds(cooldown)}) instead of waiting through the retries again.`,
		}));
		throttle.pause(key, {
			reason: 'circuit-breaker',
			until,
			status: outcome.status,
			cause: error.message,
		});
		return error;
	}
}

type SendResult = { response: unknown } | { failure: AttemptFailure };

interface AttemptSetting {
	baseUrl: string;
	/** The credential as vendorRequest read it, handed on so that n8n does not decrypt it again. */
	credentials: ICredentialDataDecryptedObject;
	timeoutMs: number;
}

/** One attempt, never throwing: either the vendor's answer or what went wrong. */
async function sendOnce(
	context: RequestContext,
	{ credentialType, profile }: VendorConnection,
	request: VendorRequest,
	{ baseUrl, credentials, timeoutMs }: AttemptSetting,
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
			timeout: timeoutMs,
		}, {
			// Decrypting the credential again for every request was a per-item cost the HTTP
			// Request node does not pay twice; n8n reads only `data` (OAuth2 ignores it).
			credentialsDecrypted: { id: '', name: '', type: credentialType, data: credentials },
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
