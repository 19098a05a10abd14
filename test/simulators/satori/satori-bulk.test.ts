import { serveDuringTests } from '../../kit/lifecycle';
import { DEFAULT_PATHS, SatoriSimulator } from './satori-simulator';
import { demoTenant } from './seed';
import { SatoriTestClient } from './test-client';

/** The customer bulk API of the simulator: CSV rules, job lifecycle, failed rows, retention. */
const sim = serveDuringTests(new SatoriSimulator({ behaviour: { queueMs: 2000, processingMs: 3000 } }));
const client = () => new SatoriTestClient(sim, SatoriTestClient.keysFor(sim));
const P = DEFAULT_PATHS;

async function submit(csv: string | Buffer, identityType = 'email', path = P.bulkUpsert) {
	return await client().multipart(path, { identity_type: identityType }, { bytes: csv });
}

const processCode = (answer: { body: { body?: Record<string, unknown>; message?: unknown } }) =>
	String(answer.body.body?.process_code ?? (answer.body.message as Record<string, unknown>)?.process_code);

test('a submit answers 202 Accepted with body.process_code; the job goes waiting → processing → finished', async () => {
	sim.freezeClock(Date.now());
	const csv = 'email,collection_route,last_name\nbulk1@example.jp,CSV,一\nbulk2@example.jp,CSV,二\n';
	const answer = await submit(csv);
	expect(answer).toEqual({
		http: 202,
		body: { status: 202, message: 'Accepted', body: { process_code: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
	});
	const code = processCode(answer);
	const status = async () => (await client().get(P.bulkStatus, { process_code: code })).body;
	expect(await status()).toEqual({ status: 200, message: 'OK', body: { process_code: code, process_status: 'waiting' } });
	expect(sim.customerByEmail('bulk1@example.jp')).toBeUndefined();
	sim.advanceClock(2000);
	expect((await status()).body?.process_status).toBe('processing');
	sim.advanceClock(3000);
	expect(await status()).toEqual({
		status: 200,
		message: 'OK',
		body: { process_code: code, process_status: 'finished', failed_rows: [] },
	});
	expect(sim.customerByEmail('bulk2@example.jp')?.items.last_name).toBe('二');
});

test('the message shape puts the data in message', async () => {
	sim.behaviour.bulkShape = 'message';
	const answer = await submit('email,collection_route\nm@example.jp,CSV\n');
	expect(answer.body).toEqual({ status: 202, message: { process_code: expect.any(String) } });
	const status = await client().get(P.bulkStatus, { process_code: processCode(answer) });
	expect(status.body).toEqual({
		status: 200,
		message: { process_code: processCode(answer), process_status: 'waiting' },
	});
});

describe('failed rows', () => {
	const csv = [
		'email,collection_route,custom:industry',
		'ok1@example.jp,CSV,製造',
		'broken-address,CSV,',
		'ok2@example.jp,CSV,',
		'noroute@example.jp,,',
		'',
	].join('\n');

	test.each([
		['dataRows' as const, [2, 4]],
		['fileLines' as const, [3, 5]],
	])('are listed with their row numbers (%s) and the other rows are written', async (numbering, numbers) => {
		sim.behaviour.rowNumbering = numbering;
		const code = processCode(await submit(csv));
		sim.advanceClock(5000);
		const status = await client().get(P.bulkStatus, { process_code: code });
		expect(status.body.body?.failed_rows).toEqual([
			{ row_number: numbers[0], message: 'バリデーションに失敗しました。 メールアドレスの形式が正しくありません。' },
			{ row_number: numbers[1], message: 'バリデーションに失敗しました。 情報獲得経路を入力してください。' },
		]);
		expect(sim.customerByEmail('ok1@example.jp')?.custom.industry).toBe('製造');
		expect(sim.customerByEmail('ok2@example.jp')).toBeDefined();
		expect(sim.customerByEmail('noroute@example.jp')).toBeUndefined();
	});
});

test('CSV rules: RFC 4180 quotes, CRLF or LF, a BOM, columns in any order, empty cells never overwrite', async () => {
	const existing = sim.customersOf()[0];
	const before = existing.items.last_name;
	const csv =
		'\uFEFFlast_name,email,memo,collection_route\r\n' +
		`,${existing.email},"行1\r\n行2, ""引用""",CSV\r\n` +
		'"佐々木",crlf@example.jp,,CSV\r\n';
	const code = processCode(await submit(csv));
	sim.advanceClock(5000);
	expect((await client().get(P.bulkStatus, { process_code: code })).body.body?.failed_rows).toEqual([]);
	expect(existing.items.last_name).toBe(before);
	expect(existing.items.memo).toBe('行1\r\n行2, "引用"');
	expect(sim.customerByEmail('crlf@example.jp')?.items.last_name).toBe('佐々木');
});

test('bulk registration fills only empty items of existing customers; bulk upsert overwrites', async () => {
	const existing = sim.customersOf()[3];
	const original = existing.items.last_name;
	const row = `email,last_name\n${existing.email},変更\n`;
	await submit(row, 'email', P.bulkRegistration);
	sim.advanceClock(5000);
	sim.settleJobs();
	expect(existing.items.last_name).toBe(original);
	await submit(row, 'email', P.bulkUpsert);
	sim.advanceClock(5000);
	sim.settleJobs();
	expect(existing.items.last_name).toBe('変更');
});

test('hashcode identity: the hashcode column finds customers', async () => {
	const existing = sim.customersOf()[4];
	const code = processCode(await submit(`hashcode,memo\n${existing.hashcode},ハッシュで更新\n${'0'.repeat(32)},x\n`, 'hashcode'));
	sim.advanceClock(5000);
	const status = await client().get(P.bulkStatus, { process_code: code });
	expect(status.body.body?.failed_rows).toEqual([{ row_number: 2, message: 'カスタマーが見つかりません。' }]);
	expect(existing.items.memo).toBe('ハッシュで更新');
});

test('refused uploads: more than 10,000 rows, not UTF-8, no identity column, no file', async () => {
	const rows = Array.from({ length: 10_001 }, (_, i) => `u${i}@example.jp,CSV`);
	const tooMany = await submit(['email,collection_route', ...rows].join('\n'));
	expect(tooMany.body).toEqual({ status: 400, message: 'バリデーションに失敗しました。 一度に登録できるのは10000件までです。' });
	const exactly = await submit(['email,collection_route', ...rows.slice(0, 10_000)].join('\n'));
	expect(exactly.body.status).toBe(202);

	const shiftJis = Buffer.concat([Buffer.from('email,last_name\nsj@example.jp,'), Buffer.from([0x8e, 0x52, 0x93, 0x63]), Buffer.from('\n')]);
	expect((await submit(shiftJis)).body.status).toBe(400);
	expect((await submit('last_name\n山田\n')).body).toEqual({ status: 400, message: 'バリデーションに失敗しました。 CSVにemail列がありません。' });
	expect((await client().multipart(P.bulkUpsert, { identity_type: 'email' })).body.status).toBe(400);
	expect((await submit('email\na@example.jp\n', 'phone')).body.status).toBe(400);
	expect(sim.jobs.size).toBe(1);
});

test('a job is readable for the retention period only', async () => {
	const code = processCode(await submit('email,collection_route\nttl@example.jp,CSV\n'));
	sim.advanceClock(7 * 24 * 3600 * 1000 - 1000);
	expect((await client().get(P.bulkStatus, { process_code: code })).body.body?.process_status).toBe('finished');
	sim.advanceClock(2000);
	expect((await client().get(P.bulkStatus, { process_code: code })).body).toEqual({ status: 404, message: '処理状況が見つかりません。' });
});

test('another company cannot read a job, and its customers are its own', async () => {
	const two = new SatoriSimulator({ tenants: [demoTenant(), demoTenant()] });
	await two.start();
	try {
		const first = new SatoriTestClient(two, SatoriTestClient.keysFor(two, 0));
		const second = new SatoriTestClient(two, {
			user_key: two.tenants[1].users[0].userKey,
			user_secret: two.tenants[1].users[0].userSecret,
			company_key: two.tenants[1].companyKey,
			company_secret: two.tenants[1].companySecret,
		});
		const answer = await first.multipart(P.bulkUpsert, { identity_type: 'email' }, { bytes: 'email,collection_route\nco@example.jp,CSV\n' });
		expect((await second.get(P.bulkStatus, { process_code: processCode(answer) })).body.status).toBe(404);
		expect((await first.get(P.bulkStatus, { process_code: processCode(answer) })).body.status).toBe(200);
	} finally {
		await two.stop();
	}
});
