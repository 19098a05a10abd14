import { OPERATIONS } from '../../nodes/Cyzen/endpoints/index';
import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { operationCases } from './operation-cases';
import { cyzenCredentials, jsonOf, runCyzen } from './setup';

/**
 * Every cyzen operation through n8n-core's WorkflowExecute, over HTTP to the simulator, checked
 * against the request the simulator received and the effect it had.
 */
const sim = serveDuringTests(new CyzenSimulator());
const names = operationCases(sim).map((c) => `${c.resource} ${c.operation}`);

test('there is a case for every operation', () => {
	expect([...names].sort()).toEqual(OPERATIONS.map((e) => `${e.resource} ${e.operation}`).sort());
});

test.each(names)('%s', async (name) => {
	const current = operationCases(sim).find((c) => `${c.resource} ${c.operation}` === name);
	if (!current) throw new Error(name);
	const result = await runCyzen(cyzenCredentials(sim), {
		resource: current.resource,
		operation: current.operation,
		...current.parameters,
	});
	expect(result.error?.message).toBeUndefined();
	const { method, path, query, body } = current.request;
	const received = sim.received({ method, path: `${sim.basePath}${path}` });
	expect(received.length).toBeGreaterThan(0);
	const last = received[received.length - 1];
	// spec §3: company_id in the query for GET/DELETE, in the form body for POST/PUT.
	if (method === 'POST' || method === 'PUT') {
		expect(last.body).toEqual(expect.objectContaining({ company_id: sim.companyId, ...body }));
		expect(last.query.company_id).toBeUndefined();
	} else {
		expect(last.query).toEqual(expect.objectContaining({ company_id: sim.companyId, ...query }));
	}
	expect(sim.requests.filter((r) => r.status === 503 || r.status === 429)).toHaveLength(0);
	current.verify(jsonOf(result), sim);
});
