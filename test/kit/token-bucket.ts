/**
 * The simulator's own token bucket: how a vendor's gateway counts requests. Deliberately written
 * apart from the node-side throttle so a bug in one cannot hide the same bug in the other.
 */
export class GatewayTokenBucket {
	private tokens: number;
	private last: number;

	constructor(
		readonly ratePerSecond: number,
		readonly burst: number,
		private readonly now: () => number,
	) {
		this.tokens = burst;
		this.last = now();
	}

	/** Takes one token if there is one; otherwise says how long until there will be. */
	take(): { ok: true } | { ok: false; retryAfterMs: number } {
		const now = this.now();
		// A test may move the clock backwards (freezing it at an earlier instant): no refill, no debt.
		this.tokens = Math.min(
			this.burst,
			this.tokens + (Math.max(0, now - this.last) / 1000) * this.ratePerSecond,
		);
		this.last = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return { ok: true };
		}
		return { ok: false, retryAfterMs: Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000) };
	}
}

/** Requests per UTC day per key, as vendors with a daily quota count them. */
export class DailyQuota {
	private day = '';
	private readonly used = new Map<string, number>();

	constructor(
		readonly limit: number,
		private readonly now: () => number,
	) {}

	take(key: string): { ok: true } | { ok: false; resetsAt: Date } {
		const today = this.today();
		const count = this.used.get(key) ?? 0;
		if (count >= this.limit) {
			const resetsAt = new Date(`${today}T00:00:00Z`);
			resetsAt.setUTCDate(resetsAt.getUTCDate() + 1);
			return { ok: false, resetsAt };
		}
		this.used.set(key, count + 1);
		return { ok: true };
	}

	/** Counts the rest of today's quota as used, as if other clients of the key had spent it. */
	useUp(key: string): void {
		this.today();
		this.used.set(key, this.limit);
	}

	/** The current UTC day; a new day starts every count afresh. */
	private today(): string {
		const today = new Date(this.now()).toISOString().slice(0, 10);
		if (today !== this.day) {
			this.day = today;
			this.used.clear();
		}
		return today;
	}

	usedBy(key: string): number {
		return this.used.get(key) ?? 0;
	}
}
