import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { cyzenProfile } from '../../nodes/Cyzen/transport';
import { backoffDelay, defaultRetryPolicy } from '../../nodes/shared/transport';
import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { cyzenFaults } from '../simulators/cyzen/faults';
import { cyzenCredentials, jsonOf, runCyzen } from './setup';

/** Spec §11: each cyzen quirk, through n8n-core over HTTP to the simulator. */
const sim = serveDuringTests(new CyzenSimulator());
const path = (p: string) => `${sim.basePath}${p}`;
const utc = (text: string) => DateTime.fromISO(text, { zone: 'UTC' });

describe('§11.1 errors inside HTTP 200', () => {
	test("an errors list with status 200 fails the item as a NodeApiError with cyzen's message", async () => {
		sim.inject(
			cyzenFaults.errorsWith200('/groups', { code: 40000, message: 'invalid parameter group_id.' }),
		);
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toContain('invalid parameter group_id.');
		expect(sim.received({ path: path('/groups') })).toHaveLength(1);
	});

	test("with Continue On Fail the error is the item's output, and a write is not sent twice", async () => {
		sim.inject(
			cyzenFaults.errorsWith200('/groups', {
				code: 40000,
				message: 'invalid parameter group_code.',
			}),
		);
		const result = await runCyzen(
			cyzenCredentials(sim),
			{ resource: 'group', operation: 'create', groupCode: 'G1', groupName: 'G' },
			[{}],
			true,
		);
		expect(jsonOf(result)[0].error).toContain('invalid parameter group_code.');
		expect(sim.received({ method: 'POST', path: path('/groups') })).toHaveLength(1);
		expect(sim.ledger.entries).toHaveLength(0);
	});
});

describe('§11.2–11.4 reports', () => {
	test('only updated_from/updated_to are sent, never from_date/to_date', async () => {
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'report',
			operation: 'getAll',
			returnAll: true,
			filters: {
				updatedFrom: DateTime.utc().minus({ days: 20 }).toISO(),
				updatedTo: DateTime.utc().toISO(),
			},
		});
		expect(result.error?.message).toBeUndefined();
		const queries = sim.received({ path: path('/reports') }).map((r) => r.query);
		expect(queries.length).toBeGreaterThan(2);
		for (const query of queries) {
			expect(query.updated_from).toEqual(expect.any(String));
			expect(query.from_date).toBeUndefined();
			expect(query.to_date).toBeUndefined();
		}
	});

	test.each(['ignored', 'applied'] as const)(
		'report_definition_id filters on the client whether cyzen ignores or applies it (%s)',
		async (reportDefinitionFilter) => {
			sim.setSwitches({ reportDefinitionFilter });
			const definition = [...sim.store.reportDefinitions.values()][0].report_definition_id;
			const from = DateTime.utc().minus({ days: 7 }).plus({ minutes: 1 });
			const result = await runCyzen(cyzenCredentials(sim), {
				resource: 'report',
				operation: 'getAll',
				returnAll: true,
				filters: {
					updatedFrom: from.toISO(),
					reportDefinitionId: { __rl: true, mode: 'id', value: definition },
				},
			});
			const records = jsonOf(result);
			const expected = [...sim.store.reports.values()].filter(
				(r) => r.report_definition_id === definition && utc(r.updated_at) >= from.startOf('second'),
			);
			expect(records.length).toBeGreaterThan(0);
			expect(records.every((r) => r.report_definition_id === definition)).toBe(true);
			expect(records.map((r) => r.report_id).sort()).toEqual(
				expected.map((r) => r.report_id).sort(),
			);
		},
	);

	test('the two-key report cursor goes back together', async () => {
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'report',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error?.message).toBeUndefined();
		const later = sim.received({ path: path('/reports') }).slice(1);
		expect(later.length).toBeGreaterThan(0);
		for (const request of later) {
			expect(request.query.next_report_id).toEqual(expect.any(String));
			expect(request.query.next_report_updated_at).toEqual(expect.any(String));
		}
		expect(new Set(jsonOf(result).map((r) => r.report_id)).size).toBe(jsonOf(result).length);
	});
});

describe('§11.5 date windows', () => {
	test('a 40-day history range is split into windows cyzen accepts; a reversed range is refused before any request', async () => {
		const to = DateTime.utc().startOf('second');
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'history',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: to.minus({ days: 40 }).toISO(), toDate: to.toISO() },
		});
		expect(result.error?.message).toBeUndefined();
		const windows = sim
			.received({ path: path('/histories') })
			.filter((r) => !Object.keys(r.query).some((k) => k.startsWith('next_')));
		expect(windows).toHaveLength(3);
		expect(sim.requests.filter((r) => r.status === 400)).toHaveLength(0);

		sim.reset();
		const reversed = await runCyzen(cyzenCredentials(sim), {
			resource: 'history',
			operation: 'getAll',
			filters: { fromDate: to.toISO(), toDate: to.minus({ days: 1 }).toISO() },
		});
		expect(reversed.error?.message).toContain('to_date');
		expect(sim.received()).toHaveLength(0);
	});
});

describe('§11.6 history cursor renamed', () => {
	test.each(['next_history_created_at', 'next_history_id'] as const)(
		'every next_* key is forwarded (%s)',
		async (historyCursor) => {
			sim.setSwitches({ historyCursor, historyRetentionDays: 30 });
			sim.seed({ historyDays: 20 });
			const result = await runCyzen(cyzenCredentials(sim), {
				resource: 'history',
				operation: 'getAll',
				returnAll: true,
			});
			expect(result.error?.message).toBeUndefined();
			const pages = sim.received({ path: path('/histories') });
			expect(pages.length).toBeGreaterThan(1);
			expect(pages.slice(1).every((r) => typeof r.query[historyCursor] === 'string')).toBe(true);
			const ids = jsonOf(result).map((r) => r.history_id);
			expect(new Set(ids).size).toBe(ids.length);
			sim.seed({});
		},
	);
});

describe('§11.7 field=all with fallback', () => {
	test('field=all brings member attributes', async () => {
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
		});
		expect(jsonOf(result).every((u) => Array.isArray(u.user_tags))).toBe(true);
		expect(sim.received({ path: path('/users') }).map((r) => r.query.field)).toEqual(['all']);
	});

	test('a tenant refusing field is asked again once without it', async () => {
		sim.setSwitches({ userField: 'rejected' });
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error?.message).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(sim.store.users.size);
		expect(sim.received({ path: path('/users') }).map((r) => r.query.field)).toEqual([
			'all',
			undefined,
		]);
	});
});

describe('§11.8 spot read and write names', () => {
	test('a spot is written with kana_name/lat/lon and read back as spot_name_kana/latitude/longitude', async () => {
		const setup = cyzenCredentials(sim);
		const created = await runCyzen(setup, {
			resource: 'spot',
			operation: 'create',
			spotCode: 'RW-1',
			spotName: '読み書き',
			additionalFields: { spotNameKana: 'ヨミカキ', latitude: 35.5, longitude: 139.5 },
		});
		const body = sim.received({ method: 'POST', path: path('/spots') })[0].body as IDataObject;
		expect(body).toEqual(
			expect.objectContaining({ kana_name: 'ヨミカキ', lat: '35.5', lon: '139.5' }),
		);
		expect(body.spot_name_kana).toBeUndefined();
		expect(body.latitude).toBeUndefined();
		const read = await runCyzen(setup, {
			resource: 'spot',
			operation: 'get',
			spotId: String(jsonOf(created)[0].spot_id),
		});
		expect(jsonOf(read)[0]).toEqual(
			expect.objectContaining({ spot_name_kana: 'ヨミカキ', latitude: 35.5, longitude: 139.5 }),
		);
	});
});

describe('§11.9 and §11.12 create_at and UTC without suffix', () => {
	test('create_at is kept and mirrored as created_at; times come out as ISO 8601 in UTC or Japan time', async () => {
		const setup = cyzenCredentials(sim);
		const inUtc = jsonOf(
			await runCyzen(setup, { resource: 'history', operation: 'getAll', limit: 1 }),
		)[0];
		const raw = sim.store.histories.get(String(inUtc.history_id));
		expect(inUtc.create_at).toBe(`${raw?.create_at}Z`);
		expect(inUtc.created_at).toBe(inUtc.create_at);
		const inJapan = jsonOf(
			await runCyzen(setup, {
				resource: 'history',
				operation: 'getAll',
				limit: 1,
				options: { outputZone: 'Asia/Tokyo' },
			}),
		)[0];
		expect(String(inJapan.create_at)).toMatch(/\+09:00$/);
		expect(DateTime.fromISO(String(inJapan.create_at)).toMillis()).toBe(
			DateTime.fromISO(String(inUtc.create_at)).toMillis(),
		);
	});
});

describe('§11.10 throttling is 503 (429 announced)', () => {
	test('the retry steps are 1, 2, 4, 8, 16 s plus up to 1 s at random', () => {
		const policy = { ...defaultRetryPolicy, ...cyzenProfile.retry };
		expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([
			1000, 2000, 4000, 8000, 16000,
		]);
		expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([
			2000, 3000, 5000, 9000, 17000,
		]);
		expect(policy.maxRefusals).toBe(6);
	});

	test.each([503, 429])('a refusal with %i is retried and the write lands once', async (status) => {
		sim.inject({
			path: path('/groups'),
			exact: true,
			method: 'POST',
			respond: {
				status,
				body: { errors: [{ err_code: status * 100, err_msg: 'too many requests' }] },
			},
		});
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'group',
			operation: 'create',
			groupCode: `T${status}`,
			groupName: 'T',
		});
		expect(result.error?.message).toBeUndefined();
		expect(sim.received({ method: 'POST', path: path('/groups') }).map((r) => r.status)).toEqual([
			status,
			200,
		]);
		expect(sim.ledger.of({ path: '/groups', operation: 'create' })).toHaveLength(1);
	});

	test('a 500 on a write is not retried (cyzen may have applied it)', async () => {
		sim.inject(cyzenFaults.serverError('/groups', { method: 'POST' }));
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'group',
			operation: 'create',
			groupCode: 'T500',
			groupName: 'T',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(sim.received({ method: 'POST', path: path('/groups') })).toHaveLength(1);
	});
});

describe('§11.11 schedules answering 500 on some days', () => {
	test('the failing window is asked day by day; the bad day is skipped and reported on the output', async () => {
		const today = DateTime.utc().startOf('day');
		const bad = today.plus({ days: 2 }).toISODate() ?? '';
		sim.setSwitches({ badScheduleDays: [bad] });
		const from = today;
		const to = today.plus({ days: 7 }).minus({ seconds: 1 });
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: 'schedule',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: from.toISO(), toDate: to.toISO() },
		});
		expect(result.error?.message).toBeUndefined();
		const records = jsonOf(result);
		const skipped = records.filter((r) => r.skippedDay !== undefined);
		expect(skipped).toEqual([{ skippedDay: bad, error: expect.stringContaining('500') }]);
		const expected = [...sim.store.schedules.values()].filter(
			(s) =>
				s.deleted_at === null &&
				s.start_date.slice(0, 10) !== bad &&
				utc(s.start_date) >= from &&
				utc(s.start_date) <= to,
		);
		expect(
			records
				.filter((r) => r.schedule_id)
				.map((r) => r.schedule_id)
				.sort(),
		).toEqual(expected.map((s) => s.schedule_id).sort());
		// One 7-day window, then its seven days one by one.
		expect(
			sim.received({ path: path('/schedules') }).filter((r) => !r.query.next_start_date),
		).toHaveLength(8);
	});
});
