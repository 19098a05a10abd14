/**
 * Adaptive control of one key's rate (AIMD), for what no process can know: how many others send
 * with the same key. A refusal (429/503, which prove the vendor processed nothing) cuts the share
 * of the vendor's rate this process uses multiplicatively; every request answered raises it
 * additively, back up to the full rate. Processes that each do this converge on sharing the
 * vendor's limit between them, without talking to each other (the AWS SDK's adaptive retry works
 * the same way, on a cubic curve). Burst and rate are cut together.
 */
export const ADAPTIVE_CONTROL = {
	/**
	 * The share left after a refusal, as TCP halves its window (the AWS SDK keeps 0.7). Two to
	 * five processes on one Mazrica key, simulated with 0.5 and 0.7 (test/shared/adaptive-throttle),
	 * used the vendor's rate equally well; 0.5 drew a third fewer refusals.
	 */
	decrease: 0.5,
	/**
	 * How much of the full rate a process regains per second while its requests are answered:
	 * from the floor back to full in about 20 s, after one cut in about 10 s. Slower recovery
	 * draws fewer refusals but leaves the vendor's rate unused when the other processes stop.
	 */
	recoveryPerSecond: 0.05,
	/** The lowest share: a process never sends slower than 1/20 of the rate. */
	floor: 0.05,
};

export class AdaptiveRate {
	/** The share of the profile's rate and burst this key may use now, between the floor and 1. */
	share = 1;
	/** When the share was last cut (clock ms). */
	private cutAt = Number.NEGATIVE_INFINITY;

	/**
	 * A request that left at `sentAt` was refused at `now`. Requests that left before the last
	 * cut were paced at the old rate, so their refusals say nothing new: one cut per episode, or
	 * the in-flight requests refused together would cut the rate to the floor at once. Returns
	 * whether it cut.
	 */
	refused(sentAt: number, now: number): boolean {
		if (sentAt < this.cutAt) return false;
		this.share = Math.max(ADAPTIVE_CONTROL.floor, this.share * ADAPTIVE_CONTROL.decrease);
		this.cutAt = now;
		return true;
	}

	/**
	 * A request was answered. At a share s of `ratePerSecond` about s × ratePerSecond answers
	 * arrive per second, so each adds recoveryPerSecond / (s × ratePerSecond): the share grows by
	 * recoveryPerSecond per second of sending, and not while nothing is sent.
	 */
	answered(ratePerSecond: number): void {
		if (this.share >= 1) return;
		this.share = Math.min(
			1,
			this.share + ADAPTIVE_CONTROL.recoveryPerSecond / (this.share * ratePerSecond),
		);
	}
}
