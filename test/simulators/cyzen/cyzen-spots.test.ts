import { serveDuringTests } from '../../kit/lifecycle';
import { CyzenSimulator } from './cyzen-simulator';
import { client, type ErrorsJson, type ListJson, type SpotJson } from './test-client';

/** §9.4–§9.6, §11.8 and §12.7: spot writes, codes, name differences, extend_data. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

const invalid = (name: string): ErrorsJson => ({
	errors: [{ err_code: 40000, err_msg: `invalid parameter ${name}.` }],
});

async function spotByCode(code: string): Promise<SpotJson[]> {
	const res = await api.get<ListJson<'spots', SpotJson>>('/spots', { spot_code: code });
	expect(res.status).toBe(200);
	return res.json.spots;
}

const newSpot = {
	spot_code: 'N-0001',
	spot_name: '株式会社北斗物流 川崎センター',
	kana_name: 'カブシキガイシャホクトブツリュウ',
	address: '神奈川県川崎市川崎区駅前本町11-2',
	zip_code: '010-0001',
	tel: '044-0123-4567',
	lat: '35.5308',
	lon: '139.7029',
};

describe('POST /spots', () => {
	test('write names in, read names out: kana_name → spot_name_kana, lat/lon → latitude/longitude', async () => {
		const res = await api.post<{ spot_id: string }>('/spots', newSpot);
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['spot_id']);
		const [spot] = await spotByCode('N-0001');
		expect(spot).toMatchObject({
			spot_id: res.json.spot_id,
			spot_name: newSpot.spot_name,
			spot_name_kana: newSpot.kana_name,
			latitude: 35.5308,
			longitude: 139.7029,
			// strings keep their leading zeros
			zip_code: '010-0001',
			tel: '044-0123-4567',
		});
		expect(spot).not.toHaveProperty('kana_name');
		expect(spot).not.toHaveProperty('lat');
	});

	test('read names sent on a write are ignored like any unknown field', async () => {
		const res = await api.post<{ spot_id: string }>('/spots', {
			spot_name: '読み名で送った店',
			spot_name_kana: 'ヨミメイ',
			latitude: '35.1',
			longitude: '139.1',
		});
		expect(res.status).toBe(200);
		expect(sim.spotJson(res.json.spot_id)).toMatchObject({
			spot_name_kana: null,
			latitude: null,
			longitude: null,
		});
	});

	test('spot_name is required; lat/lon must be coordinates', async () => {
		expect((await api.post<ErrorsJson>('/spots', { spot_code: 'X' })).json).toEqual(
			invalid('spot_name'),
		);
		expect((await api.post<ErrorsJson>('/spots', { spot_name: 'a', lat: '91' })).json).toEqual(
			invalid('lat'),
		);
		expect((await api.post<ErrorsJson>('/spots', { spot_name: 'a', lon: 'east' })).json).toEqual(
			invalid('lon'),
		);
		expect(sim.ledger.entries).toHaveLength(0);
	});

	test('extend_data is a JSON string inside the form, read back as an object', async () => {
		const extend = { 取引開始年: '2019', 担当部署: '施設管理課' };
		const res = await api.post<{ spot_id: string }>('/spots', {
			spot_name: '拡張項目テスト',
			extend_data: JSON.stringify(extend),
		});
		expect(sim.spotJson(res.json.spot_id)?.extend_data).toEqual(extend);
		for (const bad of ['{not json', '[1,2]', '"text"']) {
			const refused = await api.post<ErrorsJson>('/spots', { spot_name: 'x', extend_data: bad });
			expect({ bad, status: refused.status }).toEqual({ bad, status: 400 });
			expect(refused.json).toEqual(invalid('extend_data'));
		}
	});

	test('spot_tag_id links tags; an unknown tag is a 400', async () => {
		const [tagA, tagB] = [...sim.store.spotTags.values()];
		const res = await api.post<{ spot_id: string }>('/spots', {
			spot_name: 'タグ付き',
			spot_tag_id: `${tagA.spot_tag_id},${tagB.spot_tag_id}`,
		});
		expect(
			sim
				.spotJson(res.json.spot_id)
				?.spot_tags.map((t) => t.spot_tag_name)
				.sort(),
		).toEqual([tagA.spot_tag_name, tagB.spot_tag_name].sort());
		const bad = await api.post<ErrorsJson>('/spots', { spot_name: 'x', spot_tag_id: 'nope' });
		expect(bad.json).toEqual(invalid('spot_tag_id'));
	});
});

describe('spot_code: unique ignoring case (§9.5, [vendor doc])', () => {
	test('GET ?spot_code= finds a spot in any case', async () => {
		const seeded = [...sim.store.spots.values()][3];
		const code = seeded.spot_code ?? '';
		expect(code).toMatch(/^S\d{5}$/);
		for (const spelling of [code, code.toLowerCase()])
			expect((await spotByCode(spelling)).map((s) => s.spot_id)).toEqual([seeded.spot_id]);
	});

	test('POST with an existing code (other case) is 400/40000 by default and creates nothing', async () => {
		expect((await api.post('/spots', newSpot)).status).toBe(200);
		const again = await api.post<ErrorsJson>('/spots', {
			...newSpot,
			spot_code: 'n-0001',
			spot_name: '二重登録',
		});
		expect(again.status).toBe(400);
		expect(again.json).toEqual(invalid('spot_code'));
		expect(await spotByCode('N-0001')).toHaveLength(1);
		const creates = sim.ledger.of({ path: '/spots', operation: 'create' });
		expect(creates).toHaveLength(1);
		expect(sim.ledger.repeated(creates, (e) => e.fields.spot_code)).toEqual([]);
	});

	test('the upsert switch: POST with an existing code updates that spot and answers its id', async () => {
		sim.setSwitches({ spotCodeConflict: 'upsert' });
		const first = await api.post<{ spot_id: string }>('/spots', newSpot);
		const second = await api.post<{ spot_id: string }>('/spots', {
			spot_code: 'n-0001',
			spot_name: '株式会社北斗物流 川崎第二センター',
		});
		expect(second.status).toBe(200);
		expect(second.json.spot_id).toBe(first.json.spot_id);
		const spots = await spotByCode('N-0001');
		expect(spots).toHaveLength(1);
		expect(spots[0]).toMatchObject({
			spot_name: '株式会社北斗物流 川崎第二センター',
			// fields not sent are kept; the code takes the spelling last written
			address: newSpot.address,
			spot_code: 'n-0001',
		});
		expect(sim.ledger.entries.map((e) => [e.operation, e.upsert ?? false])).toEqual([
			['create', false],
			['update', true],
		]);
	});

	test("PUT cannot take another spot's code", async () => {
		const [a, b] = [...sim.store.spots.values()];
		const res = await api.put<ErrorsJson>('/spots', {
			spot_id: a.spot_id,
			spot_code: (b.spot_code ?? '').toLowerCase(),
		});
		expect(res.json).toEqual(invalid('spot_code'));
	});
});

describe('PUT /spots (§9.6)', () => {
	test('spot_id in the body; only sent fields change; answer {modified: 1, spot_id}', async () => {
		sim.freezeClock(sim.now() + 60_000);
		const spot = [...sim.store.spots.values()][10];
		const before = { ...sim.spotJson(spot.spot_id) };
		const res = await api.put<{ modified: number; spot_id: string }>('/spots', {
			spot_id: spot.spot_id,
			comment: '移転予定あり',
			lat: '35.0',
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ modified: 1, spot_id: spot.spot_id });
		const after = sim.spotJson(spot.spot_id);
		expect(after).toEqual({
			...before,
			comment: '移転予定あり',
			latitude: 35,
			updated_at: new Date(sim.now()).toISOString().slice(0, 19),
		});
	});

	test('spot_id only in the query string is 400: the body must carry it', async () => {
		const spot = [...sim.store.spots.values()][0];
		const res = await api.put<ErrorsJson>(
			'/spots',
			{ comment: 'x' },
			{ query: { spot_id: spot.spot_id } },
		);
		expect(res.status).toBe(400);
		expect(res.json).toEqual(invalid('spot_id'));
		const unknown = await api.put<ErrorsJson>('/spots', { spot_id: '0'.repeat(32) });
		expect(unknown.json).toEqual(invalid('spot_id'));
		expect(sim.ledger.entries).toHaveLength(0);
	});

	test('an empty field clears an optional value [proposed]', async () => {
		const spot = [...sim.store.spots.values()].find((s) => s.tel !== null);
		await api.put('/spots', { spot_id: spot?.spot_id ?? '', tel: '' });
		expect(sim.spotJson(spot?.spot_id ?? '')?.tel).toBeNull();
	});
});

describe('DELETE /spots (PROPOSED)', () => {
	test('removes the spot and its links; a second delete is 400', async () => {
		const spot = [...sim.store.spots.values()][0];
		const res = await api.del<{ deleted: number; spot_id: string }>('/spots', {
			spot_id: spot.spot_id,
		});
		expect(res.json).toEqual({ deleted: 1, spot_id: spot.spot_id });
		expect(await spotByCode(spot.spot_code ?? '')).toEqual([]);
		expect(sim.store.tagIdsOfSpot(spot.spot_id)).toEqual([]);
		expect((await api.del('/spots', { spot_id: spot.spot_id })).status).toBe(400);
	});
});
