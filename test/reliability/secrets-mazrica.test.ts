import { serveDuringTests } from '../kit/lifecycle';
import { freshCase, operationCases } from '../mazrica/operation-cases';
import { mazricaCredentials, mazricaTrigger, runMazrica } from '../mazrica/setup';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { echoing, recognisable, watchSecrets } from './secret-scan';

/**
 * Every Mazrica operation with a recognisable API key, normally and with Mazrica echoing the key
 * in an error body: outputs, errors and n8n's log never contain it.
 */
const key = recognisable('MAZRICA-KEY');
const faultKey = recognisable('MAZRICA-FAULT-KEY');
const sim = serveDuringTests(new MazricaSimulator({ apiKeys: [{ key }, { key: faultKey }] }));
const watch = watchSecrets({ 'Mazrica API key': key, 'Mazrica API key (faults)': faultKey });

test.each(operationCases(sim).map((c) => [`${c.resource} ${c.operation}`, c] as const))(
	'%s: no key in output, error or log, also when Mazrica echoes it',
	async (_, operationCase) => {
		const current = freshCase(sim, operationCase);
		const parameters = {
			resource: current.resource,
			operation: current.operation,
			...current.parameters,
		};
		const ok = await runMazrica(mazricaCredentials(sim, key), parameters);
		expect(ok.error?.message).toBeUndefined();
		expect(watch.leaks(ok.run)).toEqual([]);

		// A 400 is answered once and not retried, by any operation (a 500 is asked again when idempotent).
		sim.inject({
			method: current.request.method,
			path: current.request.path,
			exact: true,
			respond: {
				status: 400,
				body: { error: 'Bad Request', messages: [echoing(faultKey)] },
			},
		});
		const failed = await runMazrica(mazricaCredentials(sim, faultKey), parameters, [{}], true);
		expect(String(failed.items[0]?.json.error)).toBe('Mazrica returned 400: rejected: ***');
		expect(watch.leaks(failed.run)).toEqual([]);
	},
);

test('trigger: a record holding the key is emitted with the key masked', async () => {
	const trigger = mazricaTrigger(mazricaCredentials(sim, key), { source: 'customer' });
	await trigger.poll();
	sim.touch('customer', [...sim.store.customers.keys()][0], { address: `key ${key}` });
	sim.advanceClock(1000);
	const emitted = await trigger.poll();
	expect(emitted?.map((item) => item.json.address)).toEqual(['key ***']);
	expect(watch.leaks()).toEqual([]);
});
