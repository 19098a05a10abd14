import type { INodeProperties } from 'n8n-workflow';

import { SatoriApi } from '../../credentials/SatoriApi.credentials';
import { Satori } from '../../nodes/Satori/Satori.node';
import { serveDuringTests } from '../kit/lifecycle';
import { DEFAULT_PATHS, SatoriSimulator } from '../simulators/satori/satori-simulator';
import { runSatori, satoriCredentials } from './setup';

/**
 * SATORI offers what the other vendors offer: the Timeout option, the credential's "n8n
 * processes sharing this key", and the Retry On Fail warning on every operation that writes.
 * Run through n8n-core's WorkflowExecute against the simulator.
 */
const sim = serveDuringTests(new SatoriSimulator({ behaviour: { queueMs: 0, processingMs: 0 } }));
const P = DEFAULT_PATHS;

const create = (email: string, options: Record<string, unknown> = {}) => ({
	resource: 'customer',
	operation: 'create',
	identityType: 'email',
	email,
	collectionRoute: 'n8n',
	options,
});

describe('Timeout option', () => {
	test('a customer registration that times out is not sent again: SATORI may have applied it', async () => {
		sim.inject({ method: 'POST', path: P.customerRegistration, delayMs: 1500 });
		const result = await runSatori(
			satoriCredentials(sim),
			create('slow@example.co.jp', { timeout: 300 }),
			[{}],
			true,
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'SATORI did not answer within 0.3 seconds (Timeout option)',
		]);
		expect(sim.received({ method: 'POST', path: P.customerRegistration })).toHaveLength(1);
	});

	test('a bulk status read that times out is asked again and answers', async () => {
		sim.inject({ method: 'GET', path: P.bulkStatus, delayMs: 1500 });
		const result = await runSatori(satoriCredentials(sim), {
			resource: 'customerBulk',
			operation: 'getStatus',
			processCode: 'no-such-job',
			options: { timeout: 300 },
		});
		expect(sim.received({ method: 'GET', path: P.bulkStatus })).toHaveLength(2);
		// The second attempt is answered (an unknown job), not cut off by the timeout.
		expect(result.error?.message ?? '').not.toMatch(/Timeout option/);
	});

	test('every operation offers Timeout under Options', () => {
		const properties = new Satori().description.properties;
		const options = properties.filter((p) => p.name === 'options');
		const operations = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options ?? []).map(() => p));
		expect(options.length).toBe(operations.length);
		for (const collection of options) {
			expect((collection.options as INodeProperties[]).map((o) => o.name)).toEqual(
				expect.arrayContaining(['timeout', 'maxRequestsPerSecond']),
			);
		}
	});
});

describe('n8n processes sharing this key', () => {
	test('the credential has the field, 1 by default', () => {
		const field = new SatoriApi().properties.find((p) => p.name === 'processesSharingKey');
		expect(field).toEqual(
			expect.objectContaining({ displayName: 'N8n Processes Sharing This Key', default: 1 }),
		);
	});

	test('a value that is not a whole number of 1 or more is refused before anything is sent', async () => {
		const before = sim.requests.length;
		const result = await runSatori(
			satoriCredentials(sim, 0, { processesSharingKey: 0 }),
			create('shared@example.co.jp'),
		);
		expect(result.error?.message).toBe(
			`The credential's "n8n processes sharing this key" must be a whole number of 1 or more`,
		);
		expect(sim.requests.length).toBe(before);
	});

	test('with two processes on the key the writes still go through, each once', async () => {
		const emails = ['p1@example.co.jp', 'p2@example.co.jp'];
		const result = await runSatori(
			satoriCredentials(sim, 0, { processesSharingKey: 2 }),
			{ ...create('={{ $json.email }}') },
			emails.map((email) => ({ email })),
		);
		expect(result.error?.message).toBeUndefined();
		const sent = sim
			.received({ method: 'POST', path: P.customerRegistration })
			.map((request) => (request.body as Record<string, string>)['customer[email]']);
		expect(sent.filter((email) => emails.includes(email))).toEqual(emails);
	});
});

test('the Retry On Fail warning shows for every operation that writes, and only for those', () => {
	const properties = new Satori().description.properties;
	const warned = properties
		.filter((p) => p.name === 'retryOnFailNotice')
		.flatMap((p) =>
			(p.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(p.displayOptions?.show?.operation ?? []).map(
					(operation) => `${String(resource)}:${String(operation)}`,
				),
			),
		)
		.sort();
	expect(warned).toEqual([
		'customer:create',
		'customer:delete',
		'customer:upsert',
		'customerAction:add',
		'customerBulk:register',
		'customerBulk:upsert',
	]);
	expect(properties.find((p) => p.name === 'retryOnFailNotice')?.displayName).toMatch(/SATORI/);
});
