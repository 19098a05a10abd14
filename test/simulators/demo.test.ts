import { startDemoSimulators, type DemoServices } from './demo';

/**
 * The demo's data as `npm start` serves it: changed in the last day relative to the real clock
 * (so every "since yesterday" example shows output on its first run), never in the future.
 */
let services: DemoServices;
let startedAt: number;

beforeAll(async () => {
	startedAt = Date.now();
	services = await startDemoSimulators({ mazrica: 0, yappli: 0, rodem: 0, sink: 0 });
});

afterAll(async () => {
	await Promise.all((services?.all ?? []).map(({ simulator }) => simulator.stop()));
});

const DAY = 86_400_000;

function expectRecentAndNotFuture(label: string, stamps: number[]): void {
	const now = Date.now();
	const future = stamps.filter((at) => at > now);
	const recent = stamps.filter((at) => at > startedAt - DAY && at <= now);
	expect({ label, future: future.length }).toEqual({ label, future: 0 });
	expect({ label, recent: recent.length > 0 }).toEqual({ label, recent: true });
}

test('Mazrica: customers, contacts and deals changed in the last day, none in the future', () => {
	const { store } = services.mazrica;
	for (const [label, records] of [
		['customers', store.customers],
		['contacts', store.contacts],
		['deals', store.deals],
	] as const) {
		const values = [...records.values()];
		expectRecentAndNotFuture(label, values.map((r) => r.updatedAt));
		expect(values.filter((r) => r.createdAt > Date.now()).map((r) => r.id)).toEqual([]);
	}
	const wonRecently = [...store.deals.values()].filter((deal) => {
		const phase = store.dealTypes
			.get(deal.dealTypeId)
			?.phases.find((p) => p.id === deal.phaseId);
		return phase?.endType === 'won' && deal.updatedAt > startedAt - DAY;
	});
	expect(wonRecently.length).toBeGreaterThan(0);
});

test('Yappli CRM: members updated in the last day, none in the future', () => {
	const members = [...services.yappli.store.members.values()];
	expectRecentAndNotFuture(
		'members',
		members.map((m) => m.updatedAt),
	);
	expect(members.filter((m) => m.createdAt > Date.now())).toEqual([]);
});

test('RODEM: expenses edited in the last day, none registered or edited in the future', () => {
	const { rodem } = services;
	const expenses = rodem.expensesOf(rodem.loginUserId);
	expectRecentAndNotFuture(
		'expenses',
		expenses.map((e) => e.updatedAt),
	);
	// The API shows the times: none after now, in any user's records.
	const all = [...rodem.expenses.values()];
	expect(all.filter((e) => e.updatedAt > Date.now()).map((e) => e.id)).toEqual([]);
});
