import { sleep } from 'n8n-workflow';

import { AdaptiveRate } from './adaptive-rate';

export interface ThrottleProfile {
	/** Sustained requests per second the vendor documents. */
	ratePerSecond: number;
	/** Requests that may go at once after a quiet period (token-bucket capacity). */
	burst: number;
	/** Requests per UTC day, when the vendor counts them. */
	dailyQuota?: number;
	/**
	 * The next request's interval counts from the previous answer, not from its send. For a
	 * vendor taken one request at a time whose burst leaves no token in hand: a request that
	 * reaches the vendor late (a large upload still being read) would otherwise have the next one,
	 * sent on time, arrive close behind it and be refused.
	 */
	paceFromAnswer?: boolean;
}

/** Why a key sends nothing until a given time. */
export type PauseReason = 'daily-quota' | 'retry-after' | 'circuit-breaker';

export interface Pause {
	reason: PauseReason;
	/** Epoch ms from which requests may leave again. */
	until: number;
	/** The vendor's status that caused the pause, if any. */
	status?: number;
	/** What the vendor said (already redacted), repeated in every fail-fast error. */
	cause?: string;
}

/** Thrown instead of sending while a key is paused (quota used up, Retry-After, open breaker). */
export class BudgetPaused extends Error {
	constructor(readonly pause: Pause) {
		super(`Paused (${pause.reason}) until ${new Date(pause.until).toISOString()}`);
	}
}

/** Thrown before a request is sent when the day's quota is used up (counted here or said by the vendor). */
export class DailyQuotaExhausted extends BudgetPaused {
	constructor(
		readonly quota: number | undefined,
		readonly resetsAt: Date,
		cause?: string,
		status?: number,
	) {
		super({ reason: 'daily-quota', until: resetsAt.getTime(), cause, status });
		this.message = `Daily quota${quota === undefined ? '' : ` of ${quota} requests`} used up; it resets at ${resetsAt.toISOString()}`;
	}
}

interface Bucket {
	tokens: number;
	/** Clock ms up to which tokens are counted; later than now while a Retry-After holds the key. */
	updatedAt: number;
	/** Clock ms when `updatedAt` was set: a later `now` below it means the wall clock stepped back. */
	writtenAt: number;
}

interface DayCount {
	utcDay: string;
	used: number;
}

export interface Clock {
	now(): number;
	/** Resolves after `ms`; rejects when `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep };

/**
 * Token buckets, daily counters, pauses and adaptive rates keyed by budget (vendor + a hash of the
 * credential's key, see `budgetKey`). Module state on purpose: every node execution and trigger
 * in this n8n process that uses the same key shares one budget. Across processes (queue mode)
 * nothing can be shared: the credential says how many processes send with the key
 * (`shareBetweenProcesses`), and refusals slow each process down (`refused`, `AdaptiveRate`).
 */
export class CredentialThrottle {
	private readonly buckets = new Map<string, Bucket>();
	private readonly rates = new Map<string, AdaptiveRate>();
	private readonly days = new Map<string, DayCount>();
	private readonly pauses = new Map<string, Pause>();

	constructor(private readonly clock: Clock = realClock) {}

	/**
	 * Waits until a request may leave and returns that instant (clock ms; hand it to `refused`
	 * if the vendor refuses the request). Throws BudgetPaused while the key is paused and
	 * DailyQuotaExhausted instead of sending one too many. The wait ends early, rejecting with
	 * the signal's reason, when `signal` aborts (the execution was cancelled). The bucket runs at
	 * the key's adaptive share of the profile's rate and burst.
	 */
	async acquire(key: string, profile: ThrottleProfile, signal?: AbortSignal): Promise<number> {
		const pause = this.pausedUntil(key);
		if (pause?.reason === 'daily-quota') {
			throw new DailyQuotaExhausted(
				profile.dailyQuota,
				new Date(pause.until),
				pause.cause,
				pause.status,
			);
		}
		if (pause) throw new BudgetPaused(pause);
		this.countTowardsQuota(key, profile);
		for (;;) {
			const now = this.clock.now();
			const { share } = this.rateOf(key);
			const ratePerSecond = profile.ratePerSecond * share;
			const capacity = Math.max(1, profile.burst * share);
			const bucket = this.bucketAt(key, now) ?? { tokens: profile.burst, updatedAt: now, writtenAt: now };
			this.buckets.set(key, bucket);
			if (now >= bucket.updatedAt) {
				bucket.tokens = Math.min(
					capacity,
					bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond,
				);
				bucket.updatedAt = now;
				bucket.writtenAt = now;
				if (bucket.tokens >= 1) {
					bucket.tokens -= 1;
					return now;
				}
			}
			const untilRefill = bucket.updatedAt - now;
			await this.clock.sleep(
				untilRefill + Math.ceil(((1 - bucket.tokens) / ratePerSecond) * 1000),
				signal,
			);
		}
	}

	/**
	 * The vendor refused a request that left at `sentAt` (429 or 503: slow down, nothing
	 * processed). The key's bucket is drained, so the requests queued behind it wait for the
	 * refill instead of running into the same refusal, its share of the rate is cut (once per
	 * episode, see `AdaptiveRate.refused`), and with a Retry-After nothing leaves before it ends.
	 */
	refused(key: string, sentAt: number, retryAfterMs = 0): void {
		const now = this.clock.now();
		this.rateOf(key).refused(sentAt, now);
		const heldUntil = this.bucketAt(key, now)?.updatedAt ?? now;
		this.buckets.set(key, {
			tokens: 0,
			updatedAt: Math.max(now + retryAfterMs, heldUntil),
			writtenAt: now,
		});
	}

	/**
	 * The key's bucket as of `now`. When the wall clock has stepped back since the bucket was
	 * written (an NTP correction on the n8n host), its times move back by the same step: a hold
	 * keeps its length and a refill its pace, instead of the key waiting out the step.
	 */
	private bucketAt(key: string, now: number): Bucket | undefined {
		const bucket = this.buckets.get(key);
		if (bucket && now < bucket.writtenAt) {
			bucket.updatedAt -= bucket.writtenAt - now;
			bucket.writtenAt = now;
		}
		return bucket;
	}

	/** The vendor answered a request of this key: its share of the rate recovers a little. */
	answered(key: string, profile: ThrottleProfile): void {
		this.rates.get(key)?.answered(profile.ratePerSecond);
		this.heard(key, profile);
	}

	/**
	 * The vendor answered a request of this key (with success or not, so it has read it): with
	 * `paceFromAnswer` the refill starts over now.
	 */
	heard(key: string, profile: ThrottleProfile): void {
		if (!profile.paceFromAnswer) return;
		const now = this.clock.now();
		const bucket = this.bucketAt(key, now);
		if (!bucket) return;
		bucket.tokens = Math.min(bucket.tokens, 0);
		bucket.updatedAt = Math.max(bucket.updatedAt, now);
		bucket.writtenAt = now;
	}

	/** The share of the profile's rate and burst the key uses now (1 until a refusal). */
	shareOf(key: string): number {
		return this.rates.get(key)?.share ?? 1;
	}

	/** Requests counted today (UTC) for this key. */
	usedToday(key: string): number {
		const day = this.days.get(key);
		return day && day.utcDay === utcDay(this.clock.now()) ? day.used : 0;
	}

	/** Sends nothing for this key until `pause.until`; a longer pause already in place stays. */
	pause(key: string, pause: Pause): void {
		const current = this.pausedUntil(key);
		if (current && current.until >= pause.until) return;
		this.pauses.set(key, pause);
	}

	/** The pause in force for this key, if any. */
	pausedUntil(key: string): Pause | undefined {
		const pause = this.pauses.get(key);
		if (pause && pause.until <= this.clock.now()) {
			this.pauses.delete(key);
			return undefined;
		}
		return pause;
	}

	/**
	 * Marks the day's quota as spent until the next 00:00 UTC, when the vendor answered that it
	 * is used up (other clients of the same key may have used it), so later calls stop here
	 * instead of asking the vendor again. Returns the reset.
	 */
	exhaustToday(key: string, profile: ThrottleProfile, cause?: string, status?: number): Date {
		const resetsAt = nextUtcMidnight(this.clock.now());
		if (profile.dailyQuota !== undefined) {
			this.days.set(key, { utcDay: utcDay(this.clock.now()), used: profile.dailyQuota });
		}
		this.pause(key, { reason: 'daily-quota', until: resetsAt.getTime(), cause, status });
		return resetsAt;
	}

	private rateOf(key: string): AdaptiveRate {
		let rate = this.rates.get(key);
		if (!rate) {
			rate = new AdaptiveRate();
			this.rates.set(key, rate);
		}
		return rate;
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
 * What the client actually uses: a little under the vendor's documented burst and rate. Pacing
 * exactly at the vendor's limit trips it on network jitter: a request that leaves on time but
 * reaches the vendor close behind a delayed one finds the vendor's bucket a fraction of a token
 * short. Keeping 5% of the burst in hand absorbs that for a whole run, because while both buckets
 * pace, the vendor's stays at least those tokens ahead of ours. A burst too small to spare a token
 * (1) cannot, so there the rate keeps the 5%; otherwise the rate keeps 2%, for clocks that tick at
 * slightly different speeds (the 3% more is what a long Mazrica Return All gains).
 */
export const BURST_MARGIN = 0.95;
const RATE_MARGIN_WITH_TOKENS_IN_HAND = 0.98;

/**
 * The vendor profile with the safety margin, shared between the n8n processes that send with the
 * key, then lowered further by a user's "Max Requests per Second".
 */
export function effectiveThrottle(
	profile: ThrottleProfile,
	maxRequestsPerSecond?: number,
	processesSharingKey = 1,
): ThrottleProfile {
	const burst = Math.max(1, Math.floor(profile.burst * BURST_MARGIN));
	const rateMargin = burst < profile.burst ? RATE_MARGIN_WITH_TOKENS_IN_HAND : BURST_MARGIN;
	const safe: ThrottleProfile = { ...profile, ratePerSecond: profile.ratePerSecond * rateMargin, burst };
	return withRateCap(shareBetweenProcesses(safe, processesSharingKey), maxRequestsPerSecond);
}

/**
 * One process's part of a key's budget when `processes` n8n processes (the credential's "n8n
 * processes sharing this key") send with it: each gets 1/N of the rate, the burst and the daily
 * quota, so that together they stay within the vendor's limits without knowing of each other.
 */
export function shareBetweenProcesses(
	profile: ThrottleProfile,
	processes: number,
): ThrottleProfile {
	if (!(processes > 1)) return profile;
	return {
		...profile,
		ratePerSecond: profile.ratePerSecond / processes,
		burst: Math.max(1, Math.floor(profile.burst / processes)),
		...(profile.dailyQuota === undefined
			? {}
			: { dailyQuota: Math.max(1, Math.floor(profile.dailyQuota / processes)) }),
	};
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
