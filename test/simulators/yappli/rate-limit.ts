import type { Limiter, SimRequest, SimResponse } from '../../kit/simulator';
import { GatewayTokenBucket } from '../../kit/token-bucket';
import { errorBody, TOO_MANY_REQUESTS } from './errors';

export interface RateLimitOptions {
	ratePerSecond: number;
	burst: number;
	/** Sent as `Retry-After` when given. */
	retryAfterSeconds?: number;
}

/**
 * [proposed] Yappli publishes no rate limit, so none applies by default. With `rateLimit` set, one
 * token bucket for the whole tenant counts every `/api/ext/` request (the token call included) and
 * refuses with 429 and an error body in the documented shape.
 */
export class YappliRateLimiter implements Limiter {
	private bucket: GatewayTokenBucket;

	constructor(
		private readonly options: RateLimitOptions,
		private readonly apiPrefix: string,
		private readonly now: () => number,
	) {
		this.bucket = new GatewayTokenBucket(options.ratePerSecond, options.burst, now);
	}

	reset(): void {
		this.bucket = new GatewayTokenBucket(this.options.ratePerSecond, this.options.burst, this.now);
	}

	check(req: SimRequest): SimResponse | undefined {
		if (!req.path.startsWith(this.apiPrefix)) return undefined;
		if (this.bucket.take().ok) return undefined;
		const { retryAfterSeconds } = this.options;
		return {
			status: 429,
			headers:
				retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
			body: errorBody('Too Many Requests', TOO_MANY_REQUESTS, ['rate limit exceeded']),
		};
	}
}
