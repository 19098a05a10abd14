import type { Limiter, SimRequest, SimResponse } from '../../kit/simulator';
import { DailyQuota, GatewayTokenBucket } from '../../kit/token-bucket';
import { fail } from './errors';
import type { PlanFlags } from './types';

export interface KeyEntry {
	plan: PlanFlags;
	/** The user the key acts as (audit entries name them) [proposed]. */
	userId: number;
}

export interface RateLimitOptions {
	/** Token refill per second; vendor doc: 3. */
	ratePerSecond?: number;
	/** Bucket capacity; vendor doc: 100. */
	burst?: number;
	/** Requests per key per UTC day; vendor doc: 10,000. */
	dailyQuota?: number;
}

export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = {
	ratePerSecond: 3,
	burst: 100,
	dailyQuota: 10_000,
};

/** The key a request carries. Node lower-cases header names, so `X-API-KEY` works too (§1). */
export function apiKeyOf(req: SimRequest): string | undefined {
	const value = req.headers['x-api-key'];
	return typeof value === 'string' ? value : undefined;
}

/**
 * [proposed] status and body for a missing or unknown key; the document does not say.
 * Called by every route before anything else.
 */
export function authenticate(req: SimRequest, keys: Map<string, KeyEntry>): void {
	const key = apiKeyOf(req);
	if (key === undefined || !keys.has(key)) fail(401, 'Unauthorized', ['invalid api key']);
}

/**
 * The kit's limiter slot: per key a token bucket and a daily quota that resets at 00:00 UTC,
 * both answering 429 without Retry-After (undocumented). It runs before routing; requests
 * without a known key pass through to the route, which answers 401 — done there rather than
 * here so the kit's request log does not label auth failures as rate limiting.
 */
export class MazricaGateway implements Limiter {
	private buckets = new Map<string, GatewayTokenBucket>();
	private quota: DailyQuota;

	constructor(
		private readonly keys: Map<string, KeyEntry>,
		private readonly limits: Required<RateLimitOptions> | null,
		private readonly now: () => number,
	) {
		this.quota = new DailyQuota(limits?.dailyQuota ?? Number.POSITIVE_INFINITY, now);
	}

	reset(): void {
		this.buckets = new Map();
		this.quota = new DailyQuota(this.limits?.dailyQuota ?? Number.POSITIVE_INFINITY, this.now);
	}

	quotaUsed(key: string): number {
		return this.quota.usedBy(key);
	}

	useUpQuota(key: string): void {
		this.quota.useUp(key);
	}

	check(req: SimRequest): SimResponse | undefined {
		const key = apiKeyOf(req);
		// Unknown keys are not counted; the route answers them 401 (see `authenticate`).
		if (key === undefined || !this.keys.has(key) || !this.limits) return undefined;
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = new GatewayTokenBucket(this.limits.ratePerSecond, this.limits.burst, this.now);
			this.buckets.set(key, bucket);
		}
		// [proposed] A request refused by the bucket does not count against the daily quota; the
		// 429 message texts are [proposed] too (only the status is documented).
		if (!bucket.take().ok) {
			return {
				status: 429,
				body: {
					error: 'Too Many Requests',
					messages: [
						`rate limit exceeded (${this.limits.ratePerSecond} requests/second, burst ${this.limits.burst})`,
					],
				},
			};
		}
		if (!this.quota.take(key).ok) {
			return {
				status: 429,
				body: {
					error: 'Too Many Requests',
					messages: [
						`daily request limit exceeded (${this.limits.dailyQuota} requests/day, resets 00:00 UTC)`,
					],
				},
			};
		}
		return undefined;
	}
}
