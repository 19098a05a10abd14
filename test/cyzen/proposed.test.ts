import { OPERATIONS } from '../../nodes/Cyzen/endpoints/index';
import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { operationCases } from './operation-cases';
import { cyzenCredentials, jsonOf, runCyzen } from './setup';

/**
 * PROPOSED and EMBEDDED paths are our reading of the overview (spec §10). With the simulator's
 * switch off they answer 404 like a tenant whose reference names them otherwise: the node fails
 * the item with a hint to Custom API Call, and the CONFIRMED operations keep working. With the
 * switch on (operations.test.ts) every operation works.
 */
const sim = serveDuringTests(new CyzenSimulator({ switches: { proposedPaths: false } }));
const cases = operationCases(sim).map((c) => ({
	name: `${c.resource} ${c.operation}`,
	status: OPERATIONS.find((e) => e.resource === c.resource && e.operation === c.operation)?.status,
}));

test('the table holds 13 CONFIRMED, 4 EMBEDDED and 37 PROPOSED operations of §10, plus GET /user_tags and a single-spot Get', () => {
	const count = (status: string) => OPERATIONS.filter((e) => e.status === status).length;
	// §10: 13 CONFIRMED (+ /user_tags, + spot Get on the confirmed GET /spots), 4 EMBEDDED, 37 PROPOSED.
	expect([count('CONFIRMED'), count('EMBEDDED'), count('PROPOSED')]).toEqual([15, 4, 37]);
});

test.each(cases.filter((c) => c.status && c.status !== 'CONFIRMED').map((c) => c.name))(
	'%s fails with 404 and points to Custom API Call when the path does not exist',
	async (name) => {
		const current = operationCases(sim).find((c) => `${c.resource} ${c.operation}` === name);
		if (!current) throw new Error(name);
		const result = await runCyzen(
			cyzenCredentials(sim),
			{ resource: current.resource, operation: current.operation, ...current.parameters },
			[{}],
			true,
		);
		const [output] = jsonOf(result);
		expect(String(output.error)).toContain('404');
		expect(String(output.description)).toContain('Custom API Call');
		expect(sim.ledger.entries).toHaveLength(0);
	},
);

test.each(cases.filter((c) => c.status === 'CONFIRMED').map((c) => c.name))(
	'%s still works with the PROPOSED paths switched off',
	async (name) => {
		const current = operationCases(sim).find((c) => `${c.resource} ${c.operation}` === name);
		if (!current) throw new Error(name);
		const result = await runCyzen(cyzenCredentials(sim), {
			resource: current.resource,
			operation: current.operation,
			...current.parameters,
		});
		expect(result.error?.message).toBeUndefined();
		current.verify(jsonOf(result), sim);
	},
);

test('Custom API Call reaches a path under another name, through the same transport', async () => {
	sim.setSwitches({ proposedPaths: true });
	const spot = [...sim.store.spots.values()][0];
	const result = await runCyzen(cyzenCredentials(sim), {
		resource: 'customApiCall',
		operation: 'call',
		method: 'POST',
		path: '/spot_customer_staffs',
		formFields: {
			field: [
				{ name: 'spot_id', value: spot.spot_id },
				{ name: 'staff_name', value: '鈴木' },
			],
		},
	});
	expect(result.error?.message).toBeUndefined();
	const id = String(jsonOf(result)[0].spot_customer_staff_id);
	expect(sim.store.spotCustomerStaffs.get(id)?.staff_name).toBe('鈴木');
	expect(sim.received({ method: 'POST' })[0].body).toEqual(
		expect.objectContaining({ company_id: sim.companyId }),
	);
});

test('Custom API Call refuses a URL in Path before any request', async () => {
	const result = await runCyzen(cyzenCredentials(sim), {
		resource: 'customApiCall',
		operation: 'call',
		method: 'GET',
		path: 'https://elsewhere.example/spots',
	});
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toContain('"Path"');
	expect(sim.received()).toHaveLength(0);
});
