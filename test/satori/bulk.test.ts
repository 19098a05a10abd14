import type { IDataObject } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { DEFAULT_PATHS, SatoriSimulator } from '../simulators/satori/satori-simulator';
import { runSatori, satoriCredentials } from './setup';

/**
 * Customer (Bulk) through WorkflowExecute: chunking, waiting, failed rows mapped back to the
 * input items, the house rule for bad input, and uploads that are never sent twice.
 */
const sim = serveDuringTests(new SatoriSimulator({ behaviour: { queueMs: 500, processingMs: 500 } }));
const P = DEFAULT_PATHS;

const bulkUpsert = (extra: IDataObject = {}) => ({
	resource: 'customerBulk',
	operation: 'upsert',
	identityType: 'email',
	email: '={{ $json.email }}',
	collectionRoute: '={{ $json.route }}',
	waitForCompletion: true,
	options: { pollIntervalSeconds: 1 },
	...extra,
});

const leads = (count: number, withoutRoute: number[] = []) =>
	Array.from({ length: count }, (_, i) => ({
		email: `lead-${i}@example.jp`,
		route: withoutRoute.includes(i) ? '' : 'Web',
	}));

test('25,000 items: three CSV uploads, one wait, failed rows on the items that produced them, nothing sent twice', async () => {
	// 24,996 of the emails are SATORI customers already; four are new and come without the
	// collection route SATORI requires for new customers, so SATORI refuses those rows: the first
	// row, the last row of the first upload, the first of the second and the very last item.
	const refused = [0, 9_999, 10_000, 24_999];
	const input = Array.from({ length: 25_000 }, (_, i) => ({ email: `lead-${i}@example.jp` }));
	sim.registerInAdminScreen(input.filter((_, i) => !refused.includes(i)).map((item) => item.email));
	const before = sim.customersOf().length;
	const result = await runSatori(
		satoriCredentials(sim),
		bulkUpsert({ collectionRoute: '', customerFields: { memo: '一括更新' } }),
		input,
		true,
	);
	expect(result.error).toBeUndefined();

	const uploads = sim.received({ method: 'POST', path: P.bulkUpsert });
	expect(uploads.map((u) => u.status)).toEqual([202, 202, 202]);
	const jobs = [...sim.jobs.values()];
	expect(jobs.map((job) => job.rows.length)).toEqual([10_000, 10_000, 5_000]);
	const sent = jobs.flatMap((job) => job.rows.map((row) => row.email));
	expect(sent).toEqual(input.map((item) => item.email));

	expect(result.items).toHaveLength(25_000);
	const failed = result.items.filter((item) => item.json.error !== undefined);
	expect(failed.map((item) => item.pairedItem)).toEqual(refused.map((item) => ({ item })));
	const why = 'バリデーションに失敗しました。 情報獲得経路を入力してください。';
	expect(failed.map((item) => item.json.error)).toEqual([
		`SATORI rejected row 1 of bulk job ${jobs[0].processCode}: ${why}`,
		`SATORI rejected row 10000 of bulk job ${jobs[0].processCode}: ${why}`,
		`SATORI rejected row 1 of bulk job ${jobs[1].processCode}: ${why}`,
		`SATORI rejected row 5000 of bulk job ${jobs[2].processCode}: ${why}`,
	]);
	expect(failed.map((item) => item.json.process_code)).toEqual([
		jobs[0].processCode,
		jobs[0].processCode,
		jobs[1].processCode,
		jobs[2].processCode,
	]);
	const written = result.items.filter((item) => item.json.error === undefined);
	expect(written[0]).toEqual({
		json: {
			identity_type: 'email',
			email: 'lead-1@example.jp',
			memo: '一括更新',
			process_code: jobs[0].processCode,
			process_status: 'finished',
		},
		pairedItem: { item: 1 },
	});
	expect(written.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
		Array.from({ length: 25_000 }, (_, i) => i).filter((i) => !refused.includes(i)),
	);
	expect(written[24_995].json.process_code).toBe(jobs[2].processCode);
	expect(sim.customersOf().length).toBe(before);
	expect(sim.customerByEmail('lead-24998@example.jp')?.items.memo).toBe('一括更新');
	expect(sim.customerByEmail('lead-24999@example.jp')).toBeUndefined();
}, 300_000);

test('Continue On Fail off: a bad item stops the node before anything is sent', async () => {
	const input = leads(5);
	input[3].email = 'no-at-sign';
	const result = await runSatori(satoriCredentials(sim), bulkUpsert(), input);
	expect(result.error?.message).toBe('"Email" is not a valid address: "no-at-sign"');
	expect(sim.requests).toHaveLength(0);
});

test('Continue On Fail on: bad items get their own error, the others are uploaded once', async () => {
	const input = leads(5);
	input[1].email = 'no-at-sign';
	input[3].email = '';
	const result = await runSatori(satoriCredentials(sim), bulkUpsert(), input, true);
	expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.process_status])).toEqual([
		[{ item: 0 }, 'finished'],
		[{ item: 1 }, '"Email" is not a valid address: "no-at-sign"'],
		[{ item: 2 }, 'finished'],
		[{ item: 3 }, '"Email" is required'],
		[{ item: 4 }, 'finished'],
	]);
	expect(sim.received({ path: P.bulkUpsert })).toHaveLength(1);
	expect([...sim.jobs.values()][0].rows.map((row) => row.email)).toEqual([
		'lead-0@example.jp',
		'lead-2@example.jp',
		'lead-4@example.jp',
	]);
});

test('Continue On Fail off: a rejected row fails the node after the upload, saying the others were written', async () => {
	const result = await runSatori(satoriCredentials(sim), bulkUpsert(), leads(3, [1]));
	expect(result.error?.message).toMatch(/^SATORI rejected row 2 of bulk job /);
	expect(result.error?.description).toMatch(/2 other item\(s\) were written/);
	expect(sim.customerByEmail('lead-2@example.jp')).toBeDefined();
});

test('an upload whose answer is lost is never sent again; its items say so, the next upload goes on', async () => {
	sim.inject({ method: 'POST', path: P.bulkUpsert, reset: 'after' });
	// One email for every row keeps the 10,001 items cheap to map: SATORI takes repeats as updates.
	const result = await runSatori(
		satoriCredentials(sim),
		bulkUpsert({ waitForCompletion: false, email: 'same@example.jp', collectionRoute: 'Web' }),
		leads(10_001),
		true,
	);
	const uploads = sim.received({ method: 'POST', path: P.bulkUpsert });
	expect(uploads.map((u) => u.status)).toEqual(['reset', 202]);
	// The lost upload did reach SATORI: its job exists, and it was not created twice.
	expect([...sim.jobs.values()].map((job) => job.rows.length)).toEqual([10_000, 1]);
	expect(result.items).toHaveLength(10_001);
	const lost = result.items.slice(0, 10_000);
	expect(lost.every((item) => String(item.json.error).startsWith('SATORI request failed'))).toBe(true);
	expect(String(lost[0].json.description)).toMatch(/it was not sent again/);
	expect(result.items[10_000].json).toEqual(
		expect.objectContaining({ rows: 1, process_code: [...sim.jobs.keys()][1] }),
	);
	expect(result.items[10_000].pairedItem).toEqual([{ item: 10_000 }]);
});

test('a refused upload (403: no bulk permission) writes nothing and says so', async () => {
	const result = await runSatori(satoriCredentials(sim, 2), bulkUpsert(), leads(2), true);
	expect(result.items.map((item) => item.json.error)).toEqual([
		'SATORI returned 403: 権限がありません。',
		'SATORI returned 403: 権限がありません。',
	]);
	expect(String(result.items[0].json.description)).toMatch(/nothing was written/);
	expect(sim.jobs.size).toBe(0);
});

describe('failed row numbering, in both readings', () => {
	test.each(['dataRows', 'fileLines'] as const)('SATORI counting %s, the node set to match', async (numbering) => {
		sim.behaviour.rowNumbering = numbering;
		const result = await runSatori(
			satoriCredentials(sim),
			bulkUpsert({ options: { pollIntervalSeconds: 1, failedRowNumbering: numbering } }),
			leads(4, [1, 3]),
			true,
		);
		expect(result.items.map((item) => item.json.error === undefined)).toEqual([true, false, true, false]);
	});

	test('a row number outside the upload puts every item of that upload in doubt', async () => {
		sim.behaviour.rowNumbering = 'fileLines';
		const result = await runSatori(satoriCredentials(sim), bulkUpsert(), leads(3, [2]), true);
		expect(result.items.map((item) => item.json.error)).toEqual(
			Array(3).fill(expect.stringMatching(/reported failed row 4 for bulk job .*, which has 3 rows/)),
		);
	});
});

test('waiting: a 500 while reading the status is read again; a job that does not finish in time keeps its process code', async () => {
	sim.inject({ method: 'GET', path: P.bulkStatus, respond: { status: 500, body: { status: 500, message: 'エラー' } } });
	const ok = await runSatori(satoriCredentials(sim), bulkUpsert(), leads(1));
	expect(ok.error).toBeUndefined();
	expect(sim.received({ method: 'GET', path: P.bulkStatus }).map((r) => r.status)).toEqual(
		expect.arrayContaining([500, 200]),
	);

	sim.behaviour.queueMs = 3_600_000;
	const slow = await runSatori(
		satoriCredentials(sim),
		bulkUpsert({ options: { pollIntervalSeconds: 1, maxWaitSeconds: 3 } }),
		leads(2),
		true,
	);
	const code = [...sim.jobs.keys()].pop();
	expect(slow.items.map((item) => [item.json.error, item.json.process_code])).toEqual([
		[`SATORI bulk job ${code} did not finish within 3 seconds (Max Wait)`, code],
		[`SATORI bulk job ${code} did not finish within 3 seconds (Max Wait)`, code],
	]);
	expect(sim.received({ method: 'POST', path: P.bulkUpsert })).toHaveLength(2);
});

test('Register needs the collection route on every item, checked before the upload to registration.json', async () => {
	const result = await runSatori(
		satoriCredentials(sim),
		bulkUpsert({ operation: 'register' }),
		leads(3, [1]),
		true,
	);
	expect(result.items.map((item) => item.json.error ?? item.json.process_status)).toEqual([
		'finished',
		'"Collection Route" is required',
		'finished',
	]);
	expect(sim.received({ path: P.bulkUpsert })).toHaveLength(0);
	expect([...sim.jobs.values()].map((job) => [job.kind, job.rows.length])).toEqual([['registration', 2]]);
});
