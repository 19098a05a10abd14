import type { IDataObject } from 'n8n-workflow';

import { mazricaCredentials, runMazrica } from '../../../mazrica/setup';
import { MazricaSimulator } from '../../../simulators/mazrica/mazrica-simulator';
import {
	newCell,
	serving,
	type Cell,
	type CellShape,
	type OperationSpec,
	type VendorDescriptor,
} from '../model';
import {
	bulkWriteCell,
	idempotentWriteCell,
	itemOfPath,
	pagedReadCell,
	writeCell,
} from '../shapes';

/**
 * Mazrica (spec mazrica.md, seed 002): a static API key, 3 requests/s with a burst of 100 and
 * 10,000 a UTC day per key, errors as `{ "error", "messages" }` with 4xx/5xx only.
 * The per-second limit is lifted in the simulator (it is not what these cells test; the daily
 * quota stays on), and each cell gets a fresh key, so no cell inherits another's budget or pause.
 */
const sim = new MazricaSimulator({
	rateLimit: { ratePerSecond: 1000, burst: 1000 },
	// Three pages of customers at Mazrica's 100 a page: the fault hits the middle one.
	seed: { customers: 250 },
});
const base = () => sim.basePath;
/** The seed's records lie before its anchor, 2025-03-31 18:00 Japan time. */
const SEEDED_BY = Date.parse('2025-04-01T00:00:00+09:00');

interface MazricaCell extends Cell {
	apiKey: string;
}

let cells = 0;

function mazricaCell(parameters: IDataObject, input: IDataObject[], shape: CellShape): MazricaCell {
	const setup = mazricaCredentials(sim, sim.addApiKey());
	const run: Cell['run'] = async (p, items, continueOnFail) =>
		await runMazrica(setup, p, items, continueOnFail);
	return { ...newCell(sim, run, parameters, input, shape), apiKey: setup.apiKey };
}

/** Three customers to create, named so the store tells which item each record came from. */
function newCustomers(): string[] {
	const cell = ++cells;
	return [0, 1, 2].map((i) => `株式会社フォールト ${cell}-${i}`);
}

/** The customers the store holds with this name: two made from one item are a duplicate. */
const customersNamed = (name: string) =>
	[...sim.store.customers.values()].filter((c) => c.name === name).length;

/** Contacts no earlier cell deleted. */
let contactsTaken = 0;
function contactsToDelete(): number[] {
	const ids = [...sim.store.contacts.keys()].slice(contactsTaken, contactsTaken + 3);
	contactsTaken += 3;
	if (ids.length < 3) throw new Error('the Mazrica seed has too few contacts for the matrix');
	return ids;
}

const operations: Array<OperationSpec<MazricaCell>> = [
	{
		name: 'Customer → Get Many (Return All, Updated Before the seed date)',
		kind: 'read',
		prepare: async () => {
			// The seeded customers only: the records the create cells add leave the read as it was.
			const ids = [...sim.store.customers.values()]
				.filter((c) => c.updatedAt <= SEEDED_BY)
				.map((c) => String(c.id));
			const parameters = {
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { updatedAtTo: '2025-04-01T00:00:00' },
			};
			return mazricaCell(
				parameters,
				[{}],
				pagedReadCell(
					(r) =>
						r.method === 'GET' && r.path === `${base()}/customers`
							? Number(r.query.page)
							: undefined,
					ids,
					(record) => String(record.id),
				),
			);
		},
	},
	{
		name: 'Contact → Delete',
		kind: 'idempotent write',
		prepare: async () => {
			const ids = contactsToDelete();
			return mazricaCell(
				{ resource: 'contact', operation: 'delete', contactId: '={{ $json.id }}' },
				ids.map((id) => ({ id })),
				idempotentWriteCell(
					itemOfPath(
						'DELETE',
						ids.map((id) => `${base()}/contacts/${id}`),
					),
					(i) => !sim.store.contacts.has(ids[i]),
				),
			);
		},
	},
	{
		name: 'Customer → Create',
		kind: 'non-idempotent write',
		prepare: async () => {
			const names = newCustomers();
			return mazricaCell(
				{ resource: 'customer', operation: 'create', name: '={{ $json.name }}' },
				names.map((name) => ({ name })),
				writeCell(
					{ method: 'POST', path: `${base()}/customers`, field: 'name' },
					names,
					customersNamed,
				),
			);
		},
	},
	{
		name: 'Customer → Create, Use Bulk Endpoint',
		kind: 'non-idempotent write',
		prepare: async () => {
			const names = newCustomers();
			return mazricaCell(
				{
					resource: 'customer',
					operation: 'create',
					useBulkEndpoint: true,
					name: '={{ $json.name }}',
				},
				names.map((name) => ({ name })),
				bulkWriteCell({ method: 'POST', path: `${base()}/customers/bulk` }, names, {
					applied: customersNamed,
				}),
			);
		},
	},
];

export const mazrica: VendorDescriptor<MazricaCell> = {
	vendor: 'Mazrica',
	node: 'dist/nodes/Mazrica/Mazrica.node.js',
	...serving(sim),
	operations,
	errorBody: (status) =>
		({
			429: {
				error: 'Too Many Requests',
				messages: ['rate limit exceeded (3 requests/second, burst 100)'],
			},
			500: { error: 'Internal Server Error', messages: ['server error'] },
			503: { error: 'Service Unavailable', messages: ['temporarily unavailable'] },
		})[status],
	vendorFaults: {
		'error in a 2xx body': {
			notApplicable:
				'the reference answers errors only with 4xx/5xx and `{error, messages}` (spec §3)',
		},
		'token expiry mid-pagination': {
			notApplicable: 'a static API key (X-Api-Key): no token that expires (spec §1)',
		},
		'refresh-token rotation': {
			notApplicable: 'a static API key: no refresh token (spec §1)',
		},
		'daily quota': [
			{
				reading:
					'the 429 Mazrica documents "over either limit"; simulator wording `daily request limit exceeded …`',
				// Other systems with the same key spend the day's quota just before the faulted request.
				arm: (cell, isFaulted) => {
					sim.onRequest = (request) => {
						if (isFaulted(request)) sim.useUpDailyQuota(cell.apiKey);
					};
				},
			},
			{
				reading: "an API gateway's usage-plan answer: a bare `Limit Exceeded`",
				arm: (_, isFaulted) => {
					sim.inject({
						when: isFaulted,
						respond: { status: 429, body: { message: 'Limit Exceeded' } },
					});
				},
			},
		],
	},
};
