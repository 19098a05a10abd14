import { nextTurn } from '../platform/node';

interface Timer {
	at: number;
	seq: number;
	resolve(): void;
}

/**
 * Virtual time for many concurrent tasks (a discrete-event clock): `sleep` parks a task until the
 * clock reaches its time, and `run` lets every task go as far as it can, then jumps to the earliest
 * parked one. Minutes of simulated traffic take milliseconds, and the result is the same on a
 * loaded machine as on an idle one.
 */
export class EventClock {
	private time: number;
	private seq = 0;
	private timers: Timer[] = [];

	constructor(start = Date.parse('2026-12-01T03:00:00Z')) {
		this.time = start;
	}

	now = (): number => this.time;

	sleep = async (ms: number, signal?: AbortSignal): Promise<void> =>
		await new Promise<void>((resolve, reject) => {
			const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
			this.timers.push(timer);
			signal?.addEventListener('abort', () => {
				this.timers = this.timers.filter((t) => t !== timer);
				reject(signal.reason);
			});
		});

	/** Runs until `done` settles (every task finished); throws if it is still pending at `limitMs`. */
	async run<T>(done: Promise<T>, limitMs = 3_600_000): Promise<T> {
		let settled = false;
		const watched = done.finally(() => {
			settled = true;
		});
		const end = this.time + limitMs;
		for (;;) {
			await nextTurn();
			if (settled) return await watched;
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift();
			if (!next) throw new Error('every task waits for something other than the clock');
			if (next.at > end) throw new Error(`still running after ${limitMs} ms of virtual time`);
			this.time = next.at;
			next.resolve();
		}
	}
}
