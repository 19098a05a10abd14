import { serveDuringTests } from '../kit/lifecycle';
import { mazricaCredentials, runMazrica } from '../mazrica/setup';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';

/** runPerItem (nodes/shared/execute/per-item.ts) as n8n-core reports its failures, via the Mazrica node. */
const sim = serveDuringTests(new MazricaSimulator());

test('the failing item stops the node with the vendor error as it was, naming the item', async () => {
	const [first, second] = [...sim.store.customers.keys()];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{ resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
		[{ id: first }, { id: 999_999 }, { id: second }],
	);
	expect(result.error).toEqual(
		expect.objectContaining({
			name: 'NodeApiError',
			message: expect.stringMatching(/^Mazrica returned 404: /),
			description: expect.stringContaining('(GET /customers/999999)'),
			httpCode: '404',
			context: expect.objectContaining({ itemIndex: 1, vendorStatus: 404 }),
		}),
	);
	// The third item was never run.
	expect(sim.received({ path: `/v1/customers/${second}` })).toHaveLength(0);
});

test('with Continue On Fail the failing item carries its error; the others their records', async () => {
	const [first, second] = [...sim.store.customers.keys()];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{ resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
		[{ id: first }, { id: 999_999 }, { id: second }],
		true,
	);
	expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(result.items.map((i) => i.json.id ?? i.json.error)).toEqual([
		first,
		expect.stringMatching(/^Mazrica returned 404: /),
		second,
	]);
	expect(result.items[1].json.description).toEqual(expect.stringContaining('does not exist'));
});
