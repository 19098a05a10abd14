import { sleep } from 'n8n-workflow';

export interface ThrottleProfile {
	/** Sustained requests per second the vendor documents. */
	ratePerSecond: number;
	/** Requests that may go at once after a quiet period (token-bucket capacity). */
	burst: number;
	/** Requests per UTC day, when the vendor counts them. */
	dailyQuota?: number;
}

/** Thrown before a request is sent when this process has used the day's quota. */
export class DailyQuotaExhausted extends Error {
	constructor(
		readonly quota: number,
		readonly resetsAt: Date,
	) {
		super(`Daily quota of ${quota} requests used up; it resets at ${resetsAt.toISOString()}`);
	}
}

interface Bucket {
	tokens: number;
	updatedAt: number;
}

interface DayCount {
	utcDay: string;
	used: number;
}

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep };

/**
 * Token buckets and daily counters keyed by credential. Module state on purpose: every node
 * execution and trigger in this n8n process that uses the same credential shares one budget.
 * Across processes (queue mode) nothing can be shared, which is why nodes also offer
 * "Max Requests per Second".
 */
export class CredentialThrottle {
	private readonly buckets = new Map<string, Bucket>();
	private readonly days = new Map<string, DayCount>();

	constructor(private readonly clock: Clock = realClock) {}

	/** Waits until a request may leave; throws DailyQuotaExhausted instead of sending one too many. */
	async acquire(key: string, profile: ThrottleProfile): Promise<void> {
		this.countTowardsQuota(key, profile);
		const { ratePerSecond, burst } = profile;
		for (;;) {
			const now = this.clock.now();
			const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
			bucket.tokens = Math.min(
				burst,
				bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond,
			);
			bucket.updatedAt = now;
			this.buckets.set(key, bucket);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return;
			}
			await this.clock.sleep(Math.ceil(((1 - bucket.tokens) / ratePerSecond) * 1000));
		}
	}

	/** Requests counted today (UTC) for this key. */
	usedToday(key: string): number {
		const day = this.days.get(key);
		return day && day.utcDay === utcDay(this.clock.now()) ? day.used : 0;
	}

	/**
	 * Marks the day's quota as spent, e.g. when the vendor answered 429 because other clients of
	 * the same account used it up, so later calls stop here instead of hammering the vendor.
	 */
	exhaustToday(key: string, profile: ThrottleProfile): void {
		if (profile.dailyQuota === undefined) return;
		this.days.set(key, { utcDay: utcDay(this.clock.now()), used: profile.dailyQuota });
	}

	private countTowardsQuota(key: string, profile: ThrottleProfile): void {
		if (profile.dailyQuota === undefined) return;
		const today = utcDay(this.clock.now());
		const day = this.days.get(key);
		const used = day && day.utcDay === today ? day.used : 0;
		if (used >= profile.dailyQuota) {
			throw new DailyQuotaExhausted(profile.dailyQuota, nextUtcMidnight(this.clock.now()));
		}
		this.days.set(key, { utcDay: today, used: used + 1 });
	}
}

function utcDay(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 10);
}

export function nextUtcMidnight(epochMs: number): Date {
	const next = new Date(`${utcDay(epochMs)}T00:00:00.000Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next;
}

/** The one throttle this n8n process uses for every vendor request. */
export const sharedThrottle = new CredentialThrottle();

/**
 * What the client actually uses: a little under the vendor's documented rate and burst. Pacing
 * exactly at the vendor's limit trips it on network jitter (a request that leaves on time but
 * arrives early finds the vendor's bucket a fraction of a token short), so we keep 5% in hand.
 */
export const SAFETY_MARGIN = 0.95;

/** The vendor profile with the safety margin, then lowered further by a user's "Max Requests per Second". */
export function effectiveThrottle(
	profile: ThrottleProfile,
	maxRequestsPerSecond?: number,
): ThrottleProfile {
	const safe: ThrottleProfile = {
		...profile,
		ratePerSecond: profile.ratePerSecond * SAFETY_MARGIN,
		burst: Math.max(1, Math.floor(profile.burst * SAFETY_MARGIN)),
	};
	return withRateCap(safe, maxRequestsPerSecond);
}

/** A user's "Max Requests per Second" can only slow a vendor profile down, never speed it up. */
export function withRateCap(
	profile: ThrottleProfile,
	maxRequestsPerSecond?: number,
): ThrottleProfile {
	if (
		!maxRequestsPerSecond ||
		maxRequestsPerSecond <= 0 ||
		maxRequestsPerSecond >= profile.ratePerSecond
	) {
		return profile;
	}
	return {
		...profile,
		ratePerSecond: maxRequestsPerSecond,
		burst: Math.max(1, Math.min(profile.burst, Math.ceil(maxRequestsPerSecond))),
	};
}
