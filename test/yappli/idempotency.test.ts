import type { IDataObject } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { add } from '../simulators/yappli/ledger';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials } from './setup';

/**
 * Idempotency keys on point writes (issue 9 point 1): a keyed write found in the member's history
 * is not sent again, however the list items are shaped and however far back the entry sits
 * within the look-back window. Runs under both list-item readings (see jest.config.js).
 */
const sim = serveDuringTests(new YappliSimulator());
const HOUR = 3_600_000;
const members = () => [...sim.store.members.keys()];
const grantsOf = (id: string) => (sim.store.points.get(id) ?? []).length;
const historyReads = (id: string) =>
	sim.received({ method: 'GET', path: `/api/ext/users/${id}/points` });
const writesTo = (id: string) =>
	sim.received({ method: 'POST', path: `/api/ext/users/${id}/points` });

/** `count` history rows for a member, one an hour back from now (newest first: 1 h, 2 h, …). */
function seedHourlyHistory(id: string, count: number, remarksAt: Record<number, string> = {}) {
	const now = sim.now();
	for (let hoursAgo = count; hoursAgo >= 1; hoursAgo--) {
		add(
			sim.store,
			id,
			{
				point: 10,
				title: '来店ポイント',
				detail: null,
				remarks: remarksAt[hoursAgo] ?? null,
				expiresAt: now + 365 * 24 * HOUR,
			},
			Math.floor((now - hoursAgo * HOUR) / 1000) * 1000,
		);
	}
}

const keyedGrant = (options: IDataObject = {}) => ({
	resource: 'point',
	operation: 'adjust',
	memberId: '={{ $json.id }}',
	point: 100,
	options: { idempotencyKey: '={{ $json.key }}', ...options },
});

test(`3 keyed point writes run twice grant 3 times, not 6 (${sim.shapes.listItems} list items)`, async () => {
	const input = members()
		.slice(0, 3)
		.map((id) => ({ id, key: `order-${id}` }));
	const before = input.map(({ id }) => grantsOf(id));
	const first = await runYappli(yappliCredentials(sim), keyedGrant(), input);
	const second = await runYappli(yappliCredentials(sim), keyedGrant(), input);

	expect(first.error?.message).toBeUndefined();
	expect(second.error?.message).toBeUndefined();
	expect(input.map(({ id }, i) => grantsOf(id) - before[i])).toEqual([1, 1, 1]);
	expect(input.map(({ id }) => writesTo(id).length)).toEqual([1, 1, 1]);
	expect(first.items.map((i) => i.json.alreadyApplied)).toEqual([undefined, undefined, undefined]);
	expect(second.items.map((i) => i.json.alreadyApplied)).toEqual([true, true, true]);
	expect(second.items.map((i) => (i.json.appliedEntry as IDataObject).remarks)).toEqual(
		input.map(({ key }) => `[n8n:${key}]`),
	);
});

test('a key behind more than 1,000 newer entries is found by paging the history', async () => {
	const [id] = members();
	sim.store.points.set(id, []);
	seedHourlyHistory(id, 1200, { 1150: 'EC注文 [n8n:order-1150]' });
	const input = [{ id, key: 'order-1150' }];
	// 1,150 hours back is 48 days: inside a 60-day window.
	const result = await runYappli(
		yappliCredentials(sim),
		keyedGrant({ idempotencyLookbackDays: 60 }),
		input,
	);

	expect(result.error?.message).toBeUndefined();
	expect(result.items[0].json.alreadyApplied).toBe(true);
	expect(writesTo(id)).toHaveLength(0);
	expect(grantsOf(id)).toBe(1200);
	expect(historyReads(id).map((r) => r.query)).toEqual([
		{ page: '1', per_page: '1000' },
		{ page: '2', per_page: '1000' },
	]);
});

test('the search stops at entries older than the window (default 30 days, judged by created_at)', async () => {
	const [id] = members();
	sim.store.points.set(id, []);
	// 3,000 hourly entries (125 days); the key sits 1,100 hours (46 days) back.
	seedHourlyHistory(id, 3000, { 1100: '[n8n:order-old]' });
	const input = [{ id, key: 'order-old' }];

	const defaultWindow = await runYappli(yappliCredentials(sim), keyedGrant(), input);
	expect(defaultWindow.error?.message).toBeUndefined();
	// The first page (1,000 entries, back to 41 days) already reaches past 30 days: no second read.
	expect(historyReads(id)).toHaveLength(1);
	// Outside the window the key is not seen, so the write is sent (and recorded with the key).
	expect(writesTo(id)).toHaveLength(1);
	expect(defaultWindow.items[0].json.alreadyApplied).toBeUndefined();
	expect(grantsOf(id)).toBe(3001);
});

test('a wider window reaches the older key and sends nothing', async () => {
	const [id] = members();
	sim.store.points.set(id, []);
	seedHourlyHistory(id, 3000, { 1100: '[n8n:order-old]' });
	const result = await runYappli(
		yappliCredentials(sim),
		keyedGrant({ idempotencyLookbackDays: 50 }),
		[{ id, key: 'order-old' }],
	);
	expect(result.items[0].json.alreadyApplied).toBe(true);
	expect(writesTo(id)).toHaveLength(0);
	expect(historyReads(id)).toHaveLength(2);
});

test('a key that is a prefix of another key is not mistaken for it', async () => {
	const [id] = members();
	sim.store.points.set(id, []);
	seedHourlyHistory(id, 5, { 2: '[n8n:order-10]' });
	const result = await runYappli(yappliCredentials(sim), keyedGrant(), [{ id, key: 'order-1' }]);
	expect(result.items[0].json.alreadyApplied).toBeUndefined();
	expect(writesTo(id)).toHaveLength(1);
});

test.each([0, -3, 1.5])('a look-back of %p days is refused before any request', async (days) => {
	const [id] = members();
	const result = await runYappli(
		yappliCredentials(sim),
		keyedGrant({ idempotencyLookbackDays: days }),
		[{ id, key: 'k' }],
	);
	expect(result.error?.message).toBe(
		'"Idempotency Look-Back (Days)" must be a whole number, 1 or more',
	);
	expect(sim.requests.filter((r) => r.path !== '/api/ext/token')).toHaveLength(0);
});
