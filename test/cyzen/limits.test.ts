import { DateTime } from 'luxon';

import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { parseUtc } from '../simulators/cyzen/time';
import { cyzenCredentials, jsonOf, runCyzen } from './setup';

/**
 * The 5 requests/s per token (spec §6) over 300 requests, and a 60-day backfill of 10,000 reports
 * (spec §5 windows), both read from the simulator's request log.
 */
const sim = serveDuringTests(new CyzenSimulator());
const path = (p: string) => `${sim.basePath}${p}`;

test("300 requests at the credential's default rate: no second holds more than 5, nothing refused", async () => {
	const result = await runCyzen(
		cyzenCredentials(sim),
		{ resource: 'group', operation: 'getAll', returnAll: true },
		Array.from({ length: 300 }, () => ({})),
	);
	expect(result.error?.message).toBeUndefined();
	const log = sim.received();
	expect(log).toHaveLength(300);
	expect(log.filter((r) => r.status === 503 || r.status === 429)).toHaveLength(0);
	// Every six consecutive arrivals span more than a second: at most 5 in any 1-second window.
	const crowded = log.slice(5).filter((r, i) => r.at - log[i].at < 1000);
	expect(crowded).toEqual([]);
}, 180_000);

test('a 60-day backfill of 10,000 reports: 7-day windows with no gap or overlap, every report once', async () => {
	sim.seed({ reports: 10_000, reportDays: 60 });
	try {
		const reports = [...sim.store.reports.values()];
		const newest = Math.max(...reports.map((r) => parseUtc(r.updated_at) ?? 0));
		const to = DateTime.fromMillis(newest, { zone: 'UTC' });
		const from = to.minus({ days: 60 });
		const expected = reports.filter((r) => (parseUtc(r.updated_at) ?? 0) >= from.toMillis());
		expect(expected.length).toBeGreaterThan(9_000);

		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'report',
			operation: 'getAll',
			returnAll: true,
			filters: { updatedFrom: from.toISO(), updatedTo: to.toISO() },
		});
		expect(result.error?.message).toBeUndefined();
		const ids = jsonOf(result).map((r) => String(r.report_id));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(expected.map((r) => r.report_id).sort());

		const windows = sim
			.received({ path: path('/reports') })
			.filter((r) => r.query.next_report_id === undefined)
			.map((r) => ({
				from: parseUtc(String(r.query.updated_from)) ?? NaN,
				to: parseUtc(String(r.query.updated_to)) ?? NaN,
			}));
		expect(windows).toHaveLength(9);
		expect(windows[0].from).toBe(from.toMillis());
		expect(windows.at(-1)?.to).toBe(to.toMillis());
		for (const [i, window] of windows.entries()) {
			expect(window.to - window.from).toBeLessThanOrEqual(7 * 86_400_000);
			if (i > 0) expect(window.from).toBe(windows[i - 1].to + 1000);
		}
		expect(sim.requests.filter((r) => r.status !== 200)).toHaveLength(0);
	} finally {
		sim.seed({});
	}
}, 180_000);
