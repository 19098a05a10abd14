import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	ResourceMapperFields,
} from 'n8n-workflow';

import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { callNodeMethod } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * Quirk Q5: the vendor's sample of GET /deal_setting/deal_types is a single { id, name }, the
 * endpoint lists every deal type, and every other Mazrica list wraps its records under their
 * plural. The Deal Type → Get Many operation, the Deal Type dropdown and the deal custom-field
 * mapper read the answer through one reader, so each reading works in all three.
 */
const sim = serveDuringTests(new MazricaSimulator());
const node = new Mazrica();

const list = () => [...sim.store.dealTypes.values()].map((t) => ({ id: t.id, name: t.name }));

const readings: Array<[string, () => unknown, () => Array<{ id: number; name: string }>]> = [
	['a bare list', () => list(), () => list()],
	[
		'wrapped like the other lists ({ dealTypes: [...] })',
		() => ({ dealTypes: list() }),
		() => list(),
	],
	['the sample: a single { id, name }', () => list()[0], () => [list()[0]]],
];

function answerWith(body: () => unknown) {
	sim.inject({
		method: 'GET',
		path: '/v1/deal_setting/deal_types',
		exact: true,
		times: 100,
		respond: { status: 200, body: body() },
	});
}

async function call<T>(method: (this: ILoadOptionsFunctions) => Promise<T>) {
	const setup = mazricaCredentials(sim);
	return await callNodeMethod<T>(
		{
			type: node,
			parameters: { resource: 'deal', operation: 'create' } as never,
			credentials: setup.credentials,
		},
		setup.helper,
		method,
	);
}

describe.each(readings)('deal types answered as %s', (_, body, expected) => {
	beforeEach(() => answerWith(body));

	test('Deal Type → Get Many outputs one item per deal type', async () => {
		const result = await runMazrica(mazricaCredentials(sim), {
			resource: 'dealType',
			operation: 'getAll',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual(expected());
	});

	test('the Deal Type list (From List) offers them', async () => {
		const found = await call<INodeListSearchResult>(async function (this: ILoadOptionsFunctions) {
			return await node.methods.listSearch.searchDealType.call(this);
		});
		expect(found.results.map((o) => o.value).sort()).toEqual(
			expected()
				.map((t) => t.id)
				.sort(),
		);
	});

	test('the deal custom-field mapper reads the custom fields of each of them', async () => {
		const { fields } = await call<ResourceMapperFields>(
			node.methods.resourceMapping.getDealCustomItems as (
				this: ILoadOptionsFunctions,
			) => Promise<ResourceMapperFields>,
		);
		const read = sim
			.received({ method: 'GET' })
			.map((r) => r.path)
			.filter((p) => /^\/v1\/deal_setting\/deal_types\/\d+$/.test(p));
		expect(read.sort()).toEqual(
			expected()
				.map((t) => `/v1/deal_setting/deal_types/${t.id}`)
				.sort(),
		);
		expect(fields.length).toBeGreaterThan(0);
	});
});
