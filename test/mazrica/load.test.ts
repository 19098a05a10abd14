import { effectiveThrottle } from '../../nodes/shared/transport';
import { mazricaProfile } from '../../nodes/Mazrica/transport/profile';
import { serveDuringTests } from '../kit/lifecycle';
import { busiestWindow } from '../kit/request-log';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * Return All over 20,000 records against the simulator's real limits (3/s, burst 100): the
 * node's own throttle keeps it under them, so Mazrica never has to answer 429.
 */
const sim = serveDuringTests(
	new MazricaSimulator({ seed: { customers: 20_000, deals: 20_000, contacts: 200 } }),
);

test('20,000 customers: 200 pages, zero 429s', async () => {
	const result = await runMazrica(mazricaCredentials(sim), {
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(20_000);
	expect(new Set(result.items.map((i) => i.json.id)).size).toBe(20_000);
	const pages = sim.received({ path: '/v1/customers' });
	expect(pages).toHaveLength(200);
	// The simulator enforces Mazrica's own bucket (3/s, burst 100): no 429 means the node stayed under it.
	expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
	// Pages are paced by the client's bucket (2.94/s, burst 95: under the vendor's 3/s, burst
	// 100), so no window holds more than burst + rate × window (+1, see
	// busiestWindow) — a property of the request log, whatever the machine's load.
	const { ratePerSecond, burst } = effectiveThrottle(mazricaProfile.throttle);
	const times = pages.map((r) => r.at);
	for (const windowMs of [1_000, 10_000, 30_000, 60_000]) {
		expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(
			Math.floor(burst + (ratePerSecond * windowMs) / 1000) + 1,
		);
	}
}, 90_000);

test('20,000 deals: Return All pages with limit=1000, 20 requests', async () => {
	const result = await runMazrica(mazricaCredentials(sim), {
		resource: 'deal',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.items).toHaveLength(20_000);
	const pages = sim.received({ path: '/v1/deals' });
	expect(pages.map((r) => r.query.limit)).toEqual(Array(20).fill('1000'));
	expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
});
