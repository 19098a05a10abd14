import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';

import { YappliCrm } from '../../nodes/YappliCrm/YappliCrm.node';
import { callNodeMethod } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { DEFAULT_COLUMN_KEYS } from '../simulators/yappli/columns';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials } from './setup';

/**
 * What the n8n editor shows: the custom-column dropdown, the member picker's search, and what
 * either says on a freshly added node that has no credential yet. Called as the editor calls
 * them (n8n-core's LoadOptionsContext), under both list-item readings.
 */
// column20 has a key name but no member has a value in it, so its key cannot be placed by value.
const sim = serveDuringTests(
	new YappliSimulator({ columnKeys: { ...DEFAULT_COLUMN_KEYS, column20: 'campaign' } }),
);
const node = new YappliCrm();
const parameters = { resource: 'member', operation: 'update' } as INodeParameters;

async function editorCall<T>(
	method: (this: ILoadOptionsFunctions) => Promise<T>,
	withCredential = true,
): Promise<T> {
	const setup = yappliCredentials(sim);
	return await callNodeMethod<T>(
		{ type: node, parameters, credentials: withCredential ? setup.credentials : undefined },
		setup.helper,
		method,
	);
}

const columns = async (withCredential = true) =>
	await editorCall<INodePropertyOptions[]>(
		node.methods.loadOptions.getCustomColumns,
		withCredential,
	);

const search = async (filter?: string, paginationToken?: string, withCredential = true) =>
	await editorCall<INodeListSearchResult>(async function (this: ILoadOptionsFunctions) {
		return await node.methods.listSearch.searchMembers.call(this, filter, paginationToken);
	}, withCredential);

const apiRequests = () => sim.requests.filter((r) => r.path !== '/api/ext/token');

describe('custom columns', () => {
	test("show the tenant's key names and sample values, not bare column01…column50", async () => {
		const options = await columns();
		const byValue = new Map(options.map((o) => [o.value, o]));
		const sampled = [...sim.store.members.values()].slice(0, 50);
		const firstValue = (column: string) =>
			sampled.map((m) => m.columns[column]).find((v) => v !== null && v !== undefined);

		expect(byValue.get('column01')).toEqual({
			name: 'full_name (column01)',
			value: 'column01',
			description: `e.g. ${firstValue('column01')}`,
		});
		expect(byValue.get('column10')?.name).toBe('store_code (column10)');
		// No member has column20 filled in, so its key name cannot be placed; both are offered.
		expect(byValue.get('campaign')).toEqual(
			expect.objectContaining({ name: 'campaign (key name)', value: 'campaign' }),
		);
		expect(byValue.get('column20')?.name).toBe('column20 (empty in the 50 members sampled)');
		expect(byValue.get('column50')?.name).toBe('column50 (empty in the 50 members sampled)');
		// Every column stays choosable by its columnNN value, as saved workflows hold it.
		for (let n = 1; n <= 50; n++)
			expect(byValue.has(`column${String(n).padStart(2, '0')}`)).toBe(true);
		expect(options.filter((o) => /^column\d{2}$/.test(o.name))).toEqual([]);
		// One list page for samples, one member detail with with_column_key for the key names.
		expect(apiRequests().map((r) => [r.path.replace(/\d+$/, '{id}'), r.query])).toEqual([
			['/api/ext/users', { page: '1', per_page: '50' }],
			['/api/ext/users/{id}', { with_column_key: 'true' }],
		]);
	});

	test('a column only some members fill in shows a sample from one of them', async () => {
		const [, second] = [...sim.store.members.keys()];
		sim.touchMember(second, { columns: { column33: 'VIP-2026' } });
		const column33 = (await columns()).find((o) => o.value === 'column33');
		expect(column33?.name).toBe('column33 (e.g. VIP-2026)');
	});

	test('on a node without a credential, say what to set instead of failing', async () => {
		const options = await columns(false);
		expect(options[0]).toEqual({
			name: 'Set a Yappli CRM credential above to see key names and sample values',
			value: '',
		});
		expect(options.slice(1).map((o) => o.value)).toEqual(
			Array.from({ length: 50 }, (_, i) => `column${String(i + 1).padStart(2, '0')}`),
		);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('member picker', () => {
	test('without a search, lists members 100 at a time with a token for the next page', async () => {
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await search(undefined, first.paginationToken);
		expect(second.results).toHaveLength(sim.store.members.size - 100);
		expect(second.paginationToken).toBeUndefined();
		const member = [...sim.store.members.values()][0];
		const who = [member.uniqueId, member.loginId].filter(Boolean).join(' · ');
		expect(first.results[0]).toEqual({
			name: `${who || 'no unique ID or login ID'} (ID ${member.id})`,
			value: member.id,
		});
	});

	test('finds a member by login ID, unique ID or a custom-field value', async () => {
		const member = [...sim.store.members.values()].find((m) => m.uniqueId && m.loginId)!;
		const byLogin = await search(member.loginId!.toUpperCase());
		expect(byLogin.results.map((r) => r.value)).toEqual([member.id]);

		const byUnique = await search(member.uniqueId!);
		expect(byUnique.results[0]).toEqual({
			name: `${member.uniqueId} · ${member.loginId} (ID ${member.id})`,
			value: member.id,
		});

		sim.touchMember(member.id, { columns: { column30: '会員証 8841-2207' } });
		const byColumn = await search('8841-2207');
		expect(byColumn.results).toEqual([
			{
				name: `${member.uniqueId} · ${member.loginId} (ID ${member.id}) — column30: 会員証 8841-2207`,
				value: member.id,
			},
		]);
	});

	test('a search pages through every member and stops at the last page', async () => {
		sim.seed({ members: 2600 });
		const last = [...sim.store.members.values()].at(-1)!;
		sim.touchMember(last.id, { columns: { column40: 'needle-2600' } });
		const found = await search('needle-2600');
		expect(found.results.map((r) => r.value)).toEqual([last.id]);
		expect(found.paginationToken).toBeUndefined();
		expect(sim.received({ path: '/api/ext/users' }).map((r) => r.query)).toEqual([
			{ page: '1', per_page: '1000' },
			{ page: '2', per_page: '1000' },
			{ page: '3', per_page: '1000' },
		]);
	});

	test('a search reads at most 5 pages per call and hands the rest to the next call', async () => {
		sim.seed({ members: 5600, pointHistory: false });
		const target = [...sim.store.members.values()][5400];
		sim.touchMember(target.id, { columns: { column40: 'needle-5401' } });
		const first = await search('needle-5401');
		expect(first).toEqual({
			results: [
				{
					name: 'No match in the first 5,000 members yet: scroll to search on, or use By ID',
					value: '',
				},
			],
			paginationToken: '6',
		});
		const next = await search('needle-5401', first.paginationToken);
		expect(next.results.map((r) => r.value)).toEqual([target.id]);
		expect(next.paginationToken).toBeUndefined();
		expect(sim.received({ path: '/api/ext/users' }).map((r) => r.query.page)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
		]);
	});

	test('a search matching many members stops at the first page with enough and continues from there', async () => {
		sim.seed({ members: 2600, pointHistory: false });
		const first = await search('@example.com');
		// Every member matches, by login ID or by the e-mail custom field (column04).
		expect(first.results).toHaveLength(1000);
		expect(first.paginationToken).toBe('2');
		const second = await search('@example.com', first.paginationToken);
		expect(second.paginationToken).toBe('3');
		expect(sim.received({ path: '/api/ext/users' }).map((r) => r.query.page)).toEqual(['1', '2']);
	});

	test('on a node without a credential, say what to set instead of failing', async () => {
		const result = await search('taro', undefined, false);
		expect(result).toEqual({
			results: [{ name: 'Set a Yappli CRM credential above to search members', value: '' }],
		});
		expect(sim.requests).toHaveLength(0);
	});
});

describe('member picker values at run time', () => {
	test.each([
		['a plain ID string (workflows saved before the picker)', (id: string) => id],
		['an expression string', () => '={{ $json.memberId }}'],
		['a From List choice', (id: string) => ({ __rl: true, mode: 'list', value: id })],
		['a By ID value', (id: string) => ({ __rl: true, mode: 'id', value: id })],
		['a By ID expression', () => ({ __rl: true, mode: 'id', value: '={{ $json.memberId }}' })],
	])('%s selects the member', async (_, picked) => {
		const member = [...sim.store.members.values()][3];
		const result = await runYappli(
			yappliCredentials(sim),
			{ resource: 'member', operation: 'get', memberId: picked(member.id) },
			[{ memberId: member.id }],
		);
		expect(result.error?.message).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual([member.id]);
	});

	test('a picker expression that comes out empty is refused naming the field, before any request', async () => {
		const result = await runYappli(yappliCredentials(sim), {
			resource: 'point',
			operation: 'adjust',
			memberId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' },
			point: 10,
		});
		expect(result.error?.message).toBe('"Member" is required');
		expect(apiRequests()).toHaveLength(0);
	});
});
