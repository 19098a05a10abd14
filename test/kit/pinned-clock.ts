import { env } from '../platform/node';

/**
 * Runs the test process's wall clock from a chosen instant: `Date` (n8n's clock, the trigger's,
 * the simulators') starts there and keeps running at real speed; timers, `performance` and
 * `process.hrtime` stay real, so HTTP, sleeps and throttles behave as ever. For tests whose subject
 * may depend on the time of day (Japan's midnight is 15:00 UTC).
 */
export function pinWallClock(epochMs: number): void {
	jest.useFakeTimers({
		now: epochMs,
		advanceTimers: true,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}

/** Back to the real clock. */
export function unpinWallClock(): void {
	jest.useRealTimers();
}

/**
 * `PIN_CLOCK=2026-12-01T15:00:30Z npx jest <suite>`: the suite runs with the wall clock started
 * at that instant (any ISO 8601 text with a zone), to replay a failure seen at one time of day.
 */
export function pinWallClockFromEnv(): void {
	const text = pinnedInEnv();
	if (text === undefined) return;
	beforeAll(() => pinWallClock(Date.parse(text)));
	afterAll(() => unpinWallClock());
}

/** The instant `PIN_CLOCK` names, if set (checked), for tests that pin times of their own. */
export function pinnedInEnv(): string | undefined {
	const text = env.PIN_CLOCK;
	if (text === undefined || text === '') return undefined;
	if (Number.isNaN(Date.parse(text))) throw new Error(`PIN_CLOCK is not a date: ${text}`);
	return text;
}

/** Moves the pinned wall clock forward by `ms` at once (after `pinWallClock`). */
export function advanceWallClock(ms: number): void {
	jest.setSystemTime(Date.now() + ms);
}
