/**
 * Most requests seen in any window of `windowMs`, over arrival times a simulator recorded. A
 * token bucket admits at most `burst + rate × window` sends in a window; for requests sent one
 * after another the arrivals add at most 1 to that, whatever the network and machine load did.
 */
export function busiestWindow(times: number[], windowMs: number): number {
	let most = 0;
	for (let start = 0, end = 0; start < times.length; start++) {
		while (end < times.length && times[end] - times[start] < windowMs) end++;
		most = Math.max(most, end - start);
	}
	return most;
}
