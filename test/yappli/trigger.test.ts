import type { INodeExecutionData } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials, yappliTrigger } from './setup';

/** The member trigger in n8n-core's PollContext: whole-list comparison, exactly once, restarts. */
const sim = serveDuringTests(new YappliSimulator({ seed: { members: 2300 } }));
const ids = (items: INodeExecutionData[] | null) =>
	(items ?? []).map((item) => [item.json.id, item.json.event]);

test('the first poll learns the members; changes are then emitted once each, tagged', async () => {
	const setup = yappliCredentials(sim);
	const trigger = yappliTrigger(setup);
	expect(await trigger.poll()).toBeNull();
	expect(Object.keys(trigger.staticData.fingerprints as object)).toHaveLength(2300);
	// 2,300 members at 1,000 per page: 3 requests per poll.
	expect(sim.received({ path: '/api/ext/users' })).toHaveLength(3);

	const [a, b] = [...sim.store.members.keys()];
	sim.advanceClock(1000);
	sim.touchMember(b, { enabled: 0 });
	sim.advanceClock(1000);
	sim.touchMember(a, { enabled: 0 });
	const created = await runYappli(setup, {
		resource: 'member',
		operation: 'create',
		additionalFields: { unique_id: 'NEW-1' },
	});
	const newId = created.items[0].json.id;

	expect(ids(await trigger.poll())).toEqual([
		[b, 'updated'],
		[a, 'updated'],
		[newId, 'created'],
	]);
	expect(await trigger.poll()).toBeNull();
});

test('after a restart nothing is emitted again, and a change made meanwhile is emitted once', async () => {
	const trigger = yappliTrigger(yappliCredentials(sim));
	await trigger.poll();
	const [a, b] = [...sim.store.members.keys()];
	sim.advanceClock(1000);
	sim.touchMember(a, { enabled: 0 });
	expect(ids(await trigger.poll())).toEqual([[a, 'updated']]);
	trigger.restart();
	expect(await trigger.poll()).toBeNull();
	sim.advanceClock(1000);
	sim.touchMember(b, { enabled: 0 });
	trigger.restart();
	expect(ids(await trigger.poll())).toEqual([[b, 'updated']]);
});

test('Fetch Test Event returns the five most recently updated members without touching the state', async () => {
	const trigger = yappliTrigger(yappliCredentials(sim));
	const recent = [...sim.store.members.keys()].slice(0, 3);
	for (const id of recent) {
		sim.advanceClock(1000);
		sim.touchMember(id, { enabled: 0 });
	}
	const sample = await trigger.poll('manual');
	expect(sample).toHaveLength(5);
	expect(sample?.slice(0, 3).map((item) => item.json.id)).toEqual([...recent].reverse());
	expect(trigger.staticData.fingerprints).toBeUndefined();
});

test('a member missed by one read (pages shifted while paging) comes back neither as created nor as a change', async () => {
	// The list's order is not documented; read newest-updated first, an edit moves a member
	// from a page not yet read to one already read, and every member in between shifts down.
	sim.shapes.memberOrder = 'updatedDesc';
	const trigger = yappliTrigger(yappliCredentials(sim));
	await trigger.poll();
	const members = sim.store.memberList().sort((a, b) => b.updatedAt - a.updatedAt);
	const moved = members[2200].id;
	let listed = 0;
	sim.onRequest = (req) => {
		if (req.path !== '/api/ext/users' || ++listed !== 2) return;
		sim.advanceClock(1000);
		sim.touchMember(moved, { enabled: 0 });
	};
	expect(await trigger.poll()).toBeNull();
	sim.onRequest = undefined;
	// The next poll sees the member's edit: one "updated", nothing else.
	expect(ids(await trigger.poll())).toEqual([[moved, 'updated']]);
	expect(await trigger.poll()).toBeNull();
	// The read that saw 2,299 of 2,300 said so, as a notice in n8n's log rather than as an event.
	expect(trigger.logs).toEqual([
		{ level: 'warn', message: expect.stringMatching(/read 2299 of 2300 members/) },
	]);
});
