import type { Simulator } from './simulator';

/** Starts `sim` for the test file, resets it (data, faults, log, clock) before each test, stops it after. */
export function serveDuringTests<S extends Simulator>(sim: S): S {
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.reset());
	return sim;
}
