import type { INodeExecutionData } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { serveDuringTests } from '../kit/lifecycle';
import { RodemSimulator } from '../simulators/rodem/rodem-simulator';
import { rodemCredentials, rodemTrigger } from './setup';

/** The expense trigger: a rolling window of use dates, each expense once per updated_at. */
const today = DateTime.now().setZone('Asia/Tokyo').startOf('day');
const sim = serveDuringTests(
	new RodemSimulator({
		seed: { startDate: today.minus({ days: 80 }).toFormat('yyyy-MM-dd'), months: 3 },
	}),
);
const emitted = (items: INodeExecutionData[] | null) =>
	(items ?? []).map((item) => [item.json.id, item.json.event]);
const inWindow = (lookBack: number) =>
	sim
		.expensesOf(sim.loginUserId)
		.filter(
			(e) =>
				e.useDate >= today.minus({ days: lookBack }).toFormat('yyyy-MM-dd') &&
				e.useDate <= today.plus({ days: 7 }).toFormat('yyyy-MM-dd'),
		);

test('watches the window of use dates; new and edited expenses are emitted once, tagged', async () => {
	const trigger = rodemTrigger(await rodemCredentials(sim), { lookBackDays: 45 });
	expect(await trigger.poll()).toBeNull();
	const query = sim.received({ path: '/api/v1/expenses' })[0].query;
	expect(query.start_date).toBe(today.minus({ days: 45 }).toFormat('yyyyMMdd'));
	expect(query.end_date).toBe(today.plus({ days: 7 }).toFormat('yyyyMMdd'));
	// The state holds exactly the expenses of the window.
	expect(Object.keys(trigger.staticData.expenses as object).sort()).toEqual(
		inWindow(45)
			.map((e) => String(e.id))
			.sort(),
	);

	const [edited] = inWindow(45);
	sim.advanceClock(1000);
	sim.editExpense(edited.id, { price: 9990 });
	sim.advanceClock(1000);
	const added = sim.addExpense({ useDate: today.toFormat('yyyy-MM-dd') });
	expect(emitted(await trigger.poll())).toEqual([
		[edited.id, 'updated'],
		[added.id, 'created'],
	]);
	expect(await trigger.poll()).toBeNull();
});

test('an expense edited after month-end closing is seen while its use date is in the window', async () => {
	const trigger = rodemTrigger(await rodemCredentials(sim), { lookBackDays: 45 });
	await trigger.poll();
	const lastMonth = inWindow(45).find(
		(e) => e.useDate < today.startOf('month').toFormat('yyyy-MM-dd'),
	);
	expect(lastMonth).toBeDefined();
	sim.advanceClock(1000);
	sim.editExpense(lastMonth?.id ?? 0, { price: 1234 });
	const out = await trigger.poll();
	expect(emitted(out)).toEqual([[lastMonth?.id, 'updated']]);
	expect(out?.[0].json.price).toBe(1234);
});

test('a restart neither repeats nor loses changes', async () => {
	const trigger = rodemTrigger(await rodemCredentials(sim), { options: { flatten: true } });
	await trigger.poll();
	const [a, b] = inWindow(45);
	sim.advanceClock(1000);
	sim.editExpense(a.id, { price: 1000 });
	const first = await trigger.poll();
	expect(emitted(first)).toEqual([[a.id, 'updated']]);
	expect(first?.[0].json).toHaveProperty('route');
	trigger.restart();
	expect(await trigger.poll()).toBeNull();
	sim.advanceClock(1000);
	sim.editExpense(b.id, { price: 2000 });
	trigger.restart();
	expect(emitted(await trigger.poll())).toEqual([[b.id, 'updated']]);
});

test('an expense deleted while the trigger pages makes no other expense come back as created', async () => {
	// More than one page (200) in the window.
	for (let i = 0; i < 120; i++) sim.addExpense({ useDate: today.toFormat('yyyy-MM-dd') });
	const trigger = rodemTrigger(await rodemCredentials(sim), { lookBackDays: 45 });
	await trigger.poll();
	const [first] = inWindow(45);
	// Offset paging: after page 1 was read, an expense on it is withdrawn, so the expense at
	// offset 200 moves to 199 and page 2 starts behind it.
	let listed = 0;
	sim.onRequest = (req) => {
		if (req.path !== '/api/v1/expenses' || ++listed !== 2) return;
		sim.deleteExpense(first.id);
	};
	expect(await trigger.poll()).toBeNull();
	sim.onRequest = undefined;
	expect(await trigger.poll()).toBeNull();
});

test('an expense moved out of the window and back is "updated", not "created"', async () => {
	const trigger = rodemTrigger(await rodemCredentials(sim), { lookBackDays: 45 });
	await trigger.poll();
	const [expense] = inWindow(45);
	sim.advanceClock(1000);
	sim.editExpense(expense.id, { useDate: today.minus({ days: 200 }).toFormat('yyyy-MM-dd') });
	expect(await trigger.poll()).toBeNull();
	// Its last known use date is still in the window, so the state remembers it.
	expect(Object.keys(trigger.staticData.expenses as object)).toContain(String(expense.id));
	sim.advanceClock(1000);
	sim.editExpense(expense.id, { useDate: today.toFormat('yyyy-MM-dd') });
	expect(emitted(await trigger.poll())).toEqual([[expense.id, 'updated']]);
});
