import { DateTime } from 'luxon';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { Cyzen } from '../../nodes/Cyzen/Cyzen.node';
import { cyzenConnection, listCyzenChanges, type CyzenChanges } from '../../nodes/Cyzen/transport';
import { callNodeMethod } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { parseUtc } from '../simulators/cyzen/time';
import { cyzenCredentials } from './setup';

/** `listCyzenChanges`, what the trigger uses, in an n8n-core context with the cyzen credential. */
const sim = serveDuringTests(new CyzenSimulator());

async function changes(
	source: Parameters<typeof listCyzenChanges>[1],
	range: { from: DateTime; to: DateTime },
	query = {},
) {
	const setup = cyzenCredentials(sim);
	return await callNodeMethod<CyzenChanges>(
		{
			type: new Cyzen(),
			parameters: { resource: 'report', operation: 'getAll' } as never,
			credentials: setup.credentials,
		},
		setup.helper,
		async function (this: ILoadOptionsFunctions) {
			return await listCyzenChanges(this, source, range, { query });
		},
	);
}

test('reports updated in a 20-day range: every one once, as cyzen wrote them', async () => {
	const to = DateTime.utc().startOf('second');
	const from = to.minus({ days: 20 });
	const { records, skippedDays } = await changes('reports', { from, to });
	const expected = [...sim.store.reports.values()].filter((r) => {
		const at = parseUtc(r.updated_at) ?? 0;
		return at >= from.toMillis() && at <= to.toMillis();
	});
	expect(records.map((r) => r.report_id).sort()).toEqual(expected.map((r) => r.report_id).sort());
	expect(String(records[0].updated_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
	expect(skippedDays).toEqual([]);
	expect(
		sim.received({ path: `${sim.basePath}/reports` }).filter((r) => !r.query.next_report_id),
	).toHaveLength(3);
});

test('schedules with deleted ones, and a bad day reported instead of failing', async () => {
	const from = DateTime.utc().startOf('day');
	const bad = from.plus({ days: 1 }).toISODate() ?? '';
	sim.setSwitches({ badScheduleDays: [bad] });
	const { records, skippedDays } = await changes(
		'schedules',
		{ from, to: from.plus({ days: 3 }) },
		{ get_deleted: 1 },
	);
	expect(skippedDays.map((d) => d.day)).toEqual([bad]);
	expect(
		records.every((r) => r.start_date !== undefined && String(r.start_date).slice(0, 10) !== bad),
	).toBe(true);
	expect(records.every((r) => 'deleted_at' in r)).toBe(true);
});

test('the credential rate is 4 by default and never above 5', () => {
	expect(cyzenConnection.rateFromCredentials?.({})).toBe(4);
	expect(cyzenConnection.rateFromCredentials?.({ requestsPerSecond: 2.5 })).toBe(2.5);
	expect(cyzenConnection.rateFromCredentials?.({ requestsPerSecond: 9 })).toBe(5);
});
