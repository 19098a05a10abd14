import type { IDataObject } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { freshCase, operationCases } from './operation-cases';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * Every Mazrica operation through n8n-core's WorkflowExecute, over HTTP to the simulator, checked
 * against the request the simulator received and the effect it had.
 */
const sim = serveDuringTests(new MazricaSimulator());
const cases = operationCases(sim);

test('there is a case for every operation', () => {
	expect(cases.map((c) => `${c.resource}:${c.operation}`).sort()).toEqual(
		OPERATIONS.map((e) => `${e.resource}:${e.operation}`).sort(),
	);
});

test.each(cases.map((c) => [`${c.resource} ${c.operation}`, c] as const))(
	'%s',
	async (_, operationCase) => {
		// Cases are built from the seeded tenant; each test starts from a fresh copy of it.
		const current = freshCase(sim, operationCase);
		const result = await runMazrica(mazricaCredentials(sim), {
			resource: current.resource,
			operation: current.operation,
			...current.parameters,
		});
		expect(result.error?.message).toBeUndefined();

		const { method, path, query, body } = current.request;
		const received = sim.received({ method, path });
		expect(received.length).toBeGreaterThan(0);
		if (query) expect(received[received.length - 1].query).toEqual(expect.objectContaining(query));
		if (body) expect(received[0].body).toEqual(expect.objectContaining(body));
		expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
		current.verify?.(
			result.items.map((item) => item.json as IDataObject),
			sim,
		);
	},
);
