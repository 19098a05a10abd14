import type { IDataObject } from 'n8n-workflow';
import { request } from 'undici';

import { serveDuringTests } from '../kit/lifecycle';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials } from './setup';

/** Every Yappli CRM operation through n8n-core, against the simulator built from the tutorial. */
const sim = serveDuringTests(new YappliSimulator());
const firstMember = () => [...sim.store.members.values()][0];

test('Member → Get Many pages with per_page up to 1,000 and stops at Limit', async () => {
	const all = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'getAll',
		returnAll: true,
	});
	expect(all.items).toHaveLength(sim.store.members.size);
	expect(sim.received({ path: '/api/ext/users' }).map((r) => r.query)).toEqual([
		{ page: '1', per_page: '1000' },
	]);

	sim.requests.length = 0;
	const some = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'getAll',
		returnAll: false,
		limit: 30,
	});
	expect(some.items).toHaveLength(30);
	expect(sim.received({ path: '/api/ext/users' }).map((r) => r.query)).toEqual([
		{ page: '1', per_page: '30' },
	]);
	expect(some.items[0].json).toEqual(
		expect.objectContaining({ id: expect.any(String), point: expect.any(Number) }),
	);
});

test('Member → Get, and Get by Unique ID with column key names', async () => {
	const member = firstMember();
	const byId = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'get',
		memberId: member.id,
	});
	expect(byId.items[0].json.id).toBe(member.id);
	expect(byId.items[0].json).toHaveProperty('column01');

	const byUnique = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'getByUniqueId',
		uniqueId: member.uniqueId,
		options: { with_column_key: true },
	});
	expect(byUnique.items[0].json.id).toBe(member.id);
	expect(byUnique.items[0].json).toHaveProperty('full_name');
	expect(sim.received({ path: `/api/ext/users/unique_id/${member.uniqueId}` })[0].query).toEqual({
		with_column_key: 'true',
	});
});

test('Member → Create sends the fields and custom columns set one by one, dates in Japan time', async () => {
	const result = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'create',
		additionalFields: {
			unique_id: 'EC-000123',
			login_id: 'hanako@example.jp',
			password: 'pass1234',
			logined: 1,
			logined_at: '2026-11-24T01:30:00Z',
		},
		customFields: {
			field: [
				{ column: 'column01', value: '山田 花子' },
				{ column: 'store_code', value: 'S-012' },
			],
		},
	});
	expect(result.error?.message).toBeUndefined();
	const sent = sim.received({ method: 'POST', path: '/api/ext/users' })[0];
	expect(sent.body).toEqual({
		unique_id: 'EC-000123',
		login_id: 'hanako@example.jp',
		password: 'pass1234',
		logined: 1,
		logined_at: '2026-11-24 10:30:00',
		column01: '山田 花子',
		store_code: 'S-012',
	});
	expect(sent.headers['user-agent']).toBe('n8n-test');
	const created = sim.store.members.get(String(result.items[0].json.id));
	expect(created?.columns.column01).toBe('山田 花子');
});

test('Member → Update sends only what was set', async () => {
	const member = firstMember();
	const result = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'update',
		memberId: member.id,
		updateFields: { enabled: 0 },
		customFields: { field: [{ column: 'column11', value: '渋谷店' }] },
	});
	expect(result.error?.message).toBeUndefined();
	expect(sim.received({ method: 'PUT', path: `/api/ext/users/${member.id}` })[0].body).toEqual({
		enabled: 0,
		column11: '渋谷店',
	});
	expect(sim.store.members.get(member.id)?.enabled).toBe(0);
});

test('Point → Add or Subtract, history and expiry list reflect it', async () => {
	const member = firstMember();
	const before = (sim.memberJson(member.id) as IDataObject).point as number;
	const add = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'adjust',
		memberId: member.id,
		point: 300,
		additionalFields: { title: 'キャンペーン', expired_at: '2027-03-31', remarks: '秋の感謝祭' },
	});
	expect(add.items[0].json.point).toBe(before + 300);
	expect(
		sim.received({ method: 'POST', path: `/api/ext/users/${member.id}/points` })[0].body,
	).toEqual({
		point: 300,
		title: 'キャンペーン',
		expired_at: '2027-03-31',
		remarks: '秋の感謝祭',
	});
	const subtract = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'adjust',
		memberId: member.id,
		point: -100,
	});
	expect(subtract.items[0].json.point).toBe(before + 200);

	const history = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'getHistory',
		memberId: member.id,
		returnAll: false,
		limit: 2,
	});
	expect(history.items.map((i) => i.json.point)).toEqual([-100, 300]);
	const expiry = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'getExpiryList',
		memberId: member.id,
		returnAll: true,
	});
	expect(
		expiry.items.find((i) => String(i.json.expired_at).startsWith('2027-03-31'))?.json.point,
	).toBeGreaterThan(0);
});

test('Point → Calculate from Amount grants amount × rank rate', async () => {
	const member = firstMember();
	const before = (sim.memberJson(member.id) as IDataObject).point as number;
	const result = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'calculate',
		memberId: member.id,
		amount: 5400,
	});
	expect(result.error?.message).toBeUndefined();
	expect(
		sim.received({ method: 'POST', path: `/api/ext/users/${member.id}/points/calculation` })[0]
			.body,
	).toEqual({ amount: 5400 });
	expect(Number(result.items[0].json.point)).toBeGreaterThan(before);
});

test('Transfer Token → Check is true once for the right member', async () => {
	const member = firstMember();
	const issued = await request(`${sim.appUrl}/__yappli/transfer_tokens`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id: member.id }),
	});
	const { token } = (await issued.body.json()) as { token: string };
	const check = (memberId: string) =>
		runYappli(yappliCredentials(sim), {
			resource: 'transferToken',
			operation: 'check',
			token,
			memberId,
		});
	expect((await check('999999')).items[0].json.status).toBe(false);
	expect((await check(member.id)).items[0].json.status).toBe(true);
	expect((await check(member.id)).items[0].json.status).toBe(false);
});

test('a member answered as a one-element array (the tutorial\'s "Array[Member Object]") comes out as the member', async () => {
	sim.shapes.member = 'array';
	const member = firstMember();
	const got = await runYappli(yappliCredentials(sim), {
		resource: 'member',
		operation: 'get',
		memberId: member.id,
	});
	const granted = await runYappli(yappliCredentials(sim), {
		resource: 'point',
		operation: 'adjust',
		memberId: member.id,
		point: 10,
	});
	expect(got.items.map((i) => i.json.id)).toEqual([member.id]);
	expect(granted.items.map((i) => i.json.id)).toEqual([member.id]);
});
