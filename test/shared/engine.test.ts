import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EndpointEngine } from '../../nodes/shared/engine';
import { EngineProbe, PROBE_OPERATIONS, probeEngine } from '../fixtures/engine-probe.node';
import { callNodeMethod, runNode } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { ReferenceSimulator } from '../kit/reference-simulator';
import { fs, path, projectRoot } from '../platform/node';
import { apiKeySetup } from './probe-setup';

/**
 * The shared endpoint engine with a second, cyzen-shaped table (test/fixtures/engine-probe.node.ts):
 * `next_*` cursors, form-encoded bodies, a per-path status, resource-locator searches paged by
 * cursor. Mazrica's own suite covers the rest of the engine.
 */
const sim = serveDuringTests(new ReferenceSimulator({ items: 450 }));
const node = new EngineProbe();

async function run(parameters: Record<string, unknown>) {
	const setup = apiKeySetup(sim);
	return await runNode(
		{ type: node, parameters: parameters as never, credentials: setup.credentials },
		setup.helper,
	);
}

test('Return All follows every next_* key the vendor hands back, with the original parameters', async () => {
	const result = await run({ resource: 'item', operation: 'getAll', returnAll: true });
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.id)).toEqual(sim.items.map((i) => i.id));
	const pages = sim.received({ path: '/styles/cursor' });
	expect(pages.map((r) => r.query.next_item_id)).toEqual([undefined, '200', '400']);
});

test('Limit stops paging once it has enough', async () => {
	const result = await run({ resource: 'item', operation: 'getAll', returnAll: false, limit: 150 });
	expect(result.items).toHaveLength(150);
	expect(sim.received({ path: '/styles/cursor' })).toHaveLength(1);
});

test('a form-encoded body: empty fields left out, id lists comma-separated, JSON as a string', async () => {
	const result = await run({
		resource: 'item',
		operation: 'create',
		item_name: '東京支店',
		additionalFields: { tag_ids: '3, 5', extend_data: '{"floor": 4}', memo: '' },
	});
	expect(result.error).toBeUndefined();
	const [call] = sim.received({ method: 'POST', path: '/items' });
	expect(call.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
	expect(call.body).toEqual({ item_name: '東京支店', tag_ids: '3,5', extend_data: '{"floor":4}' });
});

test('Map Automatically: the form body is the input item, its keys encoded as typed values are', async () => {
	const setup = apiKeySetup(sim);
	const result = await runNode(
		{
			type: node,
			parameters: {
				resource: 'item',
				operation: 'create',
				mappingMode: 'autoMapInputData',
			} as never,
			credentials: setup.credentials,
		},
		setup.helper,
		[{ item_name: '東京支店', tag_ids: [3, 5], extend_data: { floor: 4 }, memo: '' }],
	);
	expect(result.error).toBeUndefined();
	const [call] = sim.received({ method: 'POST', path: '/items' });
	expect(call.body).toEqual({ item_name: '東京支店', tag_ids: '3,5', extend_data: '{"floor":4}' });
});

test("a path's status shows in its operation's description", () => {
	const operation = node.description.properties.find((p) => p.name === 'operation');
	const options = (operation?.options ?? []) as Array<{ value: string; description: string }>;
	expect(options.find((o) => o.value === 'create')?.description).toBe(
		'Create an item with a form body [PROPOSED path]',
	);
	expect(PROBE_OPERATIONS.map((e) => e.status)).toEqual(['CONFIRMED', 'PROPOSED']);
});

test('a resource locator lists its records page by page with the cursor as the token', async () => {
	const setup = apiKeySetup(sim);
	const search = (token?: string) =>
		callNodeMethod<INodeListSearchResult>(
			{ type: node, parameters: {} as never, credentials: setup.credentials },
			setup.helper,
			async function (this: ILoadOptionsFunctions) {
				return await node.methods.listSearch.searchItem.call(this, undefined, token);
			},
		);
	const first = await search();
	expect(first.results).toHaveLength(200);
	expect(first.results[0]).toEqual({ name: 'item 1', value: 1 });
	const second = await search(first.paginationToken);
	expect(second.results[0]).toEqual({ name: 'item 201', value: 201 });
	const last = await search(second.paginationToken);
	expect(last.results).toHaveLength(50);
	expect(last.paginationToken).toBeUndefined();
});

test('a list opened before a credential is chosen says so instead of failing', async () => {
	const found = await callNodeMethod<INodeListSearchResult>(
		{ type: node, parameters: {} as never },
		apiKeySetup(sim).helper,
		async function (this: ILoadOptionsFunctions) {
			return await node.methods.listSearch.searchItem.call(this);
		},
	);
	expect(found.results).toEqual([{ name: 'Select a Reference credential first', value: '' }]);
	expect(sim.requests).toHaveLength(0);
});

test('the shared layer imports nothing from a vendor folder', () => {
	const shared = path.join(projectRoot, 'nodes', 'shared');
	const vendors = fs
		.readdirSync(path.join(projectRoot, 'nodes'))
		.filter((name: string) => name !== 'shared');
	const offenders: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (entry.name === 'node_modules') continue;
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(file);
			else if (file.endsWith('.ts')) {
				for (const [, target] of fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
					const resolved = target.startsWith('.') ? path.resolve(dir, target) : target;
					if (vendors.some((v: string) => resolved.includes(`${path.sep}nodes${path.sep}${v}`)))
						offenders.push(`${path.relative(projectRoot, file)} → ${target}`);
				}
			}
		}
	};
	walk(shared);
	expect(vendors.length).toBeGreaterThan(2);
	expect(offenders).toEqual([]);
});

test('an operation whose resource has no Resource entry is refused when the engine is built', () => {
	expect(() => new EndpointEngine({ ...probeEngine.config, resources: [] })).toThrow(
		'Reference: no resources entry for item',
	);
});
