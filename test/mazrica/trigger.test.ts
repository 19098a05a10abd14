import type { INodeExecutionData } from 'n8n-workflow';
import { request } from 'undici';

import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, mazricaTrigger } from './setup';

/** The polling trigger inside n8n-core's PollContext, against the simulator's moving data. */
const sim = serveDuringTests(new MazricaSimulator());

const ids = (items: INodeExecutionData[] | null) =>
	(items ?? []).map((item) => item.json.id as number);
const events = (items: INodeExecutionData[] | null) => (items ?? []).map((item) => item.json.event);

async function createCustomer(name: string): Promise<number> {
	const response = await request(`${sim.baseUrl}/customers`, {
		method: 'POST',
		headers: { 'x-api-key': sim.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ name }),
	});
	return ((await response.body.json()) as { id: number }).id;
}

function customerIds(): number[] {
	return [...sim.store.customers.keys()];
}

const OVERLAP_MS = 5 * 60_000;

test('activation starts at the newest change without replaying history; an idle poll costs one request', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	expect(await trigger.poll()).toBeNull();
	const newest = Math.max(...[...sim.store.customers.values()].map((c) => c.updatedAt));
	// The next poll reads again the default 5 minutes behind the newest change.
	expect(trigger.staticData.readFrom).toBe(newest - OVERLAP_MS);
	// n8n saves the activation poll's state although it emitted nothing.
	expect(trigger.savedNodeStaticData).toEqual(
		expect.objectContaining({ readFrom: newest - OVERLAP_MS }),
	);

	sim.requests.length = 0;
	expect(await trigger.poll()).toBeNull();
	expect(await trigger.poll()).toBeNull();
	expect(sim.received({ path: '/v1/customers' })).toHaveLength(2);
	expect(sim.received({ path: '/v1/customers' })[0].query).toEqual(
		expect.objectContaining({ sort: 'updatedAt,id', page: '1' }),
	);
});

test('updates and creations are each emitted once, oldest first, tagged created or updated', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	await trigger.poll();
	const [a, b] = customerIds();
	sim.touch('customer', a, { address: '東京都千代田区丸の内1-1' });
	sim.advanceClock(1000);
	const created = await createCustomer('株式会社新規取引');
	sim.advanceClock(1000);
	sim.touch('customer', b);

	const emitted = await trigger.poll();
	expect(ids(emitted)).toEqual([a, created, b]);
	expect(events(emitted)).toEqual(['updated', 'created', 'updated']);
	expect(emitted?.[0].json.address).toBe('東京都千代田区丸の内1-1');
	expect(await trigger.poll()).toBeNull();
});

test('many changes in the same second, across several pages, are emitted exactly once', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	await trigger.poll();
	// Stop the clock 200 ms into the next second, so every edit below falls in one second.
	sim.freezeClock(Math.ceil(sim.now() / 1000) * 1000 + 200);
	const changed = customerIds().slice(0, 130);
	for (const id of changed) sim.touch('customer', id);

	expect(ids(await trigger.poll()).sort((x, y) => x - y)).toEqual(
		[...changed].sort((x, y) => x - y),
	);
	expect(await trigger.poll()).toBeNull();

	// Still the same second: a further edit is new, the 130 already emitted are not.
	const late = customerIds()[140];
	sim.touch('customer', late);
	expect(ids(await trigger.poll())).toEqual([late]);
	expect(await trigger.poll()).toBeNull();
});

test('records edited while the trigger pages are neither skipped nor emitted twice', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	await trigger.poll();
	const all = customerIds();
	// 140 changes, one per second: more than one page of 100.
	const changed = all.slice(0, 140);
	for (const id of changed) {
		sim.advanceClock(1000);
		sim.touch('customer', id);
	}
	const untouched = all[145];
	let listed = 0;
	sim.onRequest = (req) => {
		if (req.path !== '/v1/customers' || ++listed !== 2) return;
		// While the trigger pages: a record it has already read is edited again, and one it has never seen.
		sim.advanceClock(1000);
		sim.touch('customer', changed[10], { telNo: '06-0000-0000' });
		sim.touch('customer', untouched);
	};
	const emitted = await trigger.poll();
	const emittedIds = ids(emitted);
	expect(listed).toBeGreaterThanOrEqual(2);
	expect(new Set(emittedIds).size).toBe(emittedIds.length);
	expect([...emittedIds].sort((x, y) => x - y)).toEqual(
		[...changed, untouched].sort((x, y) => x - y),
	);
	// The record edited twice is emitted once, in its newest state, after the others.
	expect(emitted?.find((item) => item.json.id === changed[10])?.json.telNo).toBe('06-0000-0000');
	expect(emittedIds.slice(-2).sort()).toEqual([changed[10], untouched].sort());
	expect(await trigger.poll()).toBeNull();
});

test('a restart resumes from the last emitted change: nothing lost, nothing repeated', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'deal' });
	await trigger.poll();
	const [d1, d2, d3] = [...sim.store.deals.keys()];
	sim.advanceClock(1000);
	sim.touch('deal', d1);
	expect(ids(await trigger.poll())).toEqual([d1]);

	sim.advanceClock(1000);
	sim.touch('deal', d2);
	trigger.restart();
	expect(ids(await trigger.poll())).toEqual([d2]);
	trigger.restart();
	expect(await trigger.poll()).toBeNull();

	// A change made while n8n is down is picked up after it starts again.
	sim.advanceClock(1000);
	sim.touch('deal', d3);
	trigger.restart();
	expect(ids(await trigger.poll())).toEqual([d3]);
});

test('lists that cannot be sorted by update time (deal actions) are read to the end and emitted oldest first', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'dealAction' });
	await trigger.poll();
	const actions = [...sim.store.actions.values()].filter((a) => a.kind === 'deal').slice(0, 120);
	for (const action of [...actions].reverse()) {
		sim.advanceClock(1000);
		sim.touch('action', action.id);
	}
	const emitted = await trigger.poll();
	expect(ids(emitted)).toEqual([...actions].reverse().map((a) => a.id));
	expect(sim.received({ path: '/v1/actions' }).every((r) => r.query.sort === undefined)).toBe(true);
	expect(await trigger.poll()).toBeNull();
});

test('custom object records are watched per definition; audit entries arrive as created', async () => {
	const records = mazricaTrigger(mazricaCredentials(sim), {
		source: 'customObject',
		custom_object_def_key: 'product_master',
	});
	const audits = mazricaTrigger(mazricaCredentials(sim), { source: 'auditLog' });
	await records.poll();
	await audits.poll();
	const product = [...sim.store.customObjects.values()].find((r) => r.defKey === 'product_master');
	const contract = [...sim.store.customObjects.values()].find((r) => r.defKey === 'contract');
	sim.advanceClock(1000);
	sim.touch('customObject', product?.id ?? 0);
	sim.touch('customObject', contract?.id ?? 0);
	const created = await createCustomer('株式会社監査ログ');

	expect(ids(await records.poll())).toEqual([product?.id]);
	const entries = await audits.poll();
	expect((entries ?? []).map((e) => [e.json.targetType, e.json.targetId, e.json.event])).toEqual(
		expect.arrayContaining([['customer', created, 'created']]),
	);
	expect(await audits.poll()).toBeNull();
});

test('Fetch Test Event returns the newest records and leaves the watermark alone', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'contact' });
	await trigger.poll();
	const before = { ...trigger.staticData };
	const sample = await trigger.poll('manual');
	expect(sample).toHaveLength(5);
	expect(sample?.[0].json.event).toMatch(/^(created|updated)$/);
	const newest = Math.max(...[...sim.store.contacts.values()].map((c) => c.updatedAt));
	expect(Date.parse(String(sample?.[0].json.updatedAt))).toBe(newest);
	expect(trigger.staticData).toEqual(before);
});

test('"Created Only" filters the output but still moves past the updates', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), {
		source: 'customer',
		events: 'created',
	});
	await trigger.poll();
	sim.advanceClock(1000);
	sim.touch('customer', customerIds()[0]);
	const created = await createCustomer('株式会社作成のみ');
	expect(ids(await trigger.poll())).toEqual([created]);
	expect(await trigger.poll()).toBeNull();
});

test('a record that becomes visible late, inside the overlap window, is emitted once', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	await trigger.poll();
	const [early, late, later] = customerIds();
	sim.advanceClock(60_000);
	sim.touch('customer', early);
	const lateStamp = sim.store.customers.get(early)?.updatedAt ?? 0;
	sim.advanceClock(2000);
	sim.touch('customer', later);
	expect(ids(await trigger.poll())).toEqual([early, later]);

	// Mazrica commits an edit stamped one second after `early` only now (commit lag, server clock
	// skew): it lies behind the newest change already emitted.
	sim.touch('customer', late);
	const record = sim.store.customers.get(late);
	if (record) record.updatedAt = lateStamp + 1000;
	expect(ids(await trigger.poll())).toEqual([late]);
	expect(await trigger.poll()).toBeNull();
});

test('the state keeps only the changes inside the overlap window', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), {
		source: 'customer',
		options: { overlapMinutes: 1 },
	});
	await trigger.poll();
	const [a, b] = customerIds();
	sim.advanceClock(10_000);
	sim.touch('customer', a);
	expect(ids(await trigger.poll())).toEqual([a]);
	expect(Object.keys(trigger.staticData.seen as object)).toEqual([String(a)]);
	// Two minutes later, a's change is out of the window: it cannot be read back, so it is dropped.
	sim.advanceClock(120_000);
	sim.touch('customer', b);
	expect(ids(await trigger.poll())).toEqual([b]);
	expect(Object.keys(trigger.staticData.seen as object)).toEqual([String(b)]);
	expect(await trigger.poll()).toBeNull();
});

test('newest-first lists: a record deleted while the trigger pages hides no other record', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), {
		source: 'customObject',
		custom_object_def_key: 'product_master',
	});
	await trigger.poll();
	const records = [...sim.store.customObjects.values()]
		.filter((r) => r.defKey === 'product_master')
		.slice(0, 150);
	for (const record of records) {
		sim.advanceClock(1000);
		sim.touch('customObject', record.id);
	}
	// Newest first: page 1 holds the 100 newest. After it is read, one of them is deleted, so
	// every later record moves up one place and a page-number read skips one.
	let listed = 0;
	sim.onRequest = (req) => {
		if (!req.path.endsWith('/custom_objects') || ++listed !== 2) return;
		sim.store.customObjects.delete(records[149].id);
	};
	const emitted = ids(await trigger.poll());
	expect([...emitted].sort((x, y) => x - y)).toEqual(
		records.map((r) => r.id).sort((x, y) => x - y),
	);
	// The keyset reads ask for records up to the oldest time already read, never for page 2.
	const queries = sim.received({ path: '/v1/custom_object_defs/product_master/custom_objects' });
	expect(queries.slice(-2).map((r) => r.query.page)).toEqual(['1', '1']);
	expect(queries[queries.length - 1].query.updatedAtTo).toBeDefined();
	expect(await trigger.poll()).toBeNull();
});

test('a whole page inside one second is read again when a record leaves that second while paging', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	await trigger.poll();
	sim.freezeClock(Math.ceil(sim.now() / 1000) * 1000 + 200);
	const changed = customerIds().slice(0, 130);
	for (const id of changed) sim.touch('customer', id);
	sim.advanceClock(1000);
	const afterwards = customerIds()[140];
	sim.touch('customer', afterwards);
	// While the second is paged, one of its records already read is edited again (leaves it).
	let listed = 0;
	sim.onRequest = (req) => {
		if (req.path !== '/v1/customers' || req.query.get('page') !== '2' || ++listed !== 1) return;
		sim.touch('customer', changed[0]);
	};
	const emitted = ids(await trigger.poll());
	expect(new Set(emitted).size).toBe(emitted.length);
	expect([...emitted].sort((x, y) => x - y)).toEqual(
		[...changed, afterwards].sort((x, y) => x - y),
	);
	expect(await trigger.poll()).toBeNull();
});

test('an n8n restart before the first change loses nothing: n8n saved the activation state', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'deal' });
	await trigger.poll();
	// A change while n8n is down, right after activation, before anything was emitted.
	sim.advanceClock(1000);
	const [deal] = [...sim.store.deals.keys()];
	sim.touch('deal', deal);
	trigger.restart();
	expect(ids(await trigger.poll())).toEqual([deal]);
});

test('a state saved by 0.1.0 (watermark and the IDs at it) goes on from its watermark', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim), { source: 'customer' });
	await trigger.poll();
	const [a, b, c] = customerIds();
	sim.advanceClock(1000);
	sim.touch('customer', a);
	sim.touch('customer', b);
	const at = sim.store.customers.get(a)?.updatedAt ?? 0;
	// What 0.1.0 left after emitting a (and not yet b) at that second.
	for (const key of Object.keys(trigger.staticData)) delete trigger.staticData[key];
	Object.assign(trigger.staticData, { source: 'customer:', watermark: at, seenAtWatermark: [a] });
	sim.advanceClock(1000);
	sim.touch('customer', c);
	expect(ids(await trigger.poll())).toEqual([b, c]);
	expect(trigger.staticData).not.toHaveProperty('watermark');
	expect(await trigger.poll()).toBeNull();
});
