import type { IDataObject } from 'n8n-workflow';

import { YappliSimulator } from '../../../simulators/yappli/yappli-simulator';
import { errorBody, TOO_MANY_REQUESTS } from '../../../simulators/yappli/errors';
import type { ShapeOptions } from '../../../simulators/yappli/types';
import { runYappli, yappliCredentials } from '../../../yappli/setup';
import {
	newCell,
	serving,
	type Cell,
	type CellShape,
	type OperationSpec,
	type VendorDescriptor,
} from '../model';
import { idempotentWriteCell, itemOfPath, pagedReadCell, writeCell } from '../shapes';

/**
 * Yappli CRM (spec yappli-crm.md, seed 003): a client-credentials token valid one day, fetched
 * again on 401; no published rate limit or quota; errors as `{ "error", "error_description" }`.
 * Each cell gets a fresh API client (budgets belong to the client) on one tenant seeded once.
 */
const sim = new YappliSimulator({
	// Two pages of members at the node's 1,000 a page: the fault hits the second, after the first was read.
	seed: { members: 1001 },
});
const api = '/api/ext';

/** The tutorial's `members > member` / `points > point` tables, read as plain items or as wrappers. */
type ListItems = ShapeOptions['listItems'];
const READING: Record<ListItems, string> = {
	plain: 'list items plain',
	wrapped: 'list items wrapped (`{member: …}`, `{point: …}`)',
};

let cells = 0;
let membersTaken = 0;
/** Members no earlier cell wrote to. */
function freshMembers(count: number): string[] {
	const ids = [...sim.store.members.keys()].slice(membersTaken, membersTaken + count);
	membersTaken += count;
	if (ids.length < count) throw new Error('the Yappli seed has too few members for the matrix');
	return ids;
}

function yappliCell(
	listItems: ListItems,
	parameters: IDataObject,
	input: IDataObject[],
	shape: CellShape,
): Cell {
	sim.shapes.listItems = listItems;
	sim.shapes.expiresIn = 'number';
	const setup = yappliCredentials(sim, sim.registerClient());
	return newCell(
		sim,
		async (p, items, continueOnFail) => await runYappli(setup, p, items, continueOnFail),
		parameters,
		input,
		shape,
	);
}

function memberGetMany(listItems: ListItems): OperationSpec {
	return {
		name: 'Member → Get Many (Return All)',
		kind: 'read',
		reading: READING[listItems],
		prepare: async () => {
			const ids = [...sim.store.members.keys()];
			return yappliCell(
				listItems,
				{ resource: 'member', operation: 'getAll', returnAll: true },
				[{}],
				pagedReadCell(
					(r) =>
						r.method === 'GET' && r.path === `${api}/users` ? Number(r.query.page) : undefined,
					ids,
					(record) => String(record.id),
				),
			);
		},
	};
}

/** Three point additions to one member, titled so the history tells which item each entry came from. */
function pointAdjust(keyed: boolean, listItems: ListItems): OperationSpec {
	return {
		name: keyed ? 'Point → Add/Subtract, Idempotency Key' : 'Point → Add/Subtract',
		kind: 'non-idempotent write',
		reading: keyed ? READING[listItems] : undefined,
		rerunConverges: keyed,
		prepare: async () => {
			const [member] = freshMembers(1);
			const cell = ++cells;
			const marks = [0, 1, 2].map((i) => `fault-matrix-${cell}-${i}`);
			return yappliCell(
				listItems,
				{
					resource: 'point',
					operation: 'adjust',
					memberId: member,
					point: 10,
					additionalFields: { title: '={{ $json.mark }}' },
					...(keyed ? { options: { idempotencyKey: '={{ $json.mark }}' } } : {}),
				},
				marks.map((mark) => ({ mark })),
				writeCell(
					{ method: 'POST', path: `${api}/users/${member}/points`, field: 'title' },
					marks,
					(mark) => sim.store.pointsOf(member).filter((e) => e.title === mark).length,
				),
			);
		},
	};
}

const memberUpdate: OperationSpec = {
	name: 'Member → Update (PUT)',
	kind: 'idempotent write',
	prepare: async () => {
		const ids = freshMembers(3);
		const cell = ++cells;
		const marks = ids.map((_, i) => `fault-matrix-${cell}-${i}`);
		return yappliCell(
			'plain',
			{
				resource: 'member',
				operation: 'update',
				memberId: '={{ $json.id }}',
				updateFields: { unique_id: '={{ $json.mark }}' },
			},
			ids.map((id, i) => ({ id, mark: marks[i] })),
			idempotentWriteCell(
				itemOfPath(
					'PUT',
					ids.map((id) => `${api}/users/${id}`),
				),
				(i) => sim.store.members.get(ids[i])?.uniqueId === marks[i],
			),
		);
	},
};

export const yappli: VendorDescriptor = {
	vendor: 'Yappli CRM',
	node: 'dist/nodes/YappliCrm/YappliCrm.node.js',
	...serving(sim),
	operations: [
		memberGetMany('plain'),
		memberGetMany('wrapped'),
		memberUpdate,
		pointAdjust(false, 'plain'),
		pointAdjust(true, 'plain'),
		pointAdjust(true, 'wrapped'),
	],
	// [proposed] Yappli documents only its 400/401 bodies; other statuses are given the same shape.
	errorBody: (status) =>
		({
			429: errorBody('Too Many Requests', TOO_MANY_REQUESTS, ['rate limit exceeded']),
			500: errorBody('Internal Server Error', 'サーバーエラー', ['server error']),
			503: errorBody('Service Unavailable', '一時的に利用できません。', ['maintenance']),
		})[status],
	vendorFaults: {
		'error in a 2xx body': {
			notApplicable:
				'the tutorial gives errors only as 400/401 with `error`/`error_description` (spec §8); `{"status": false}` from Check is an answer, not an error',
		},
		// The tutorial's `expires_in` is typed String in its table and a number in its example.
		'token expiry mid-pagination': (['number', 'string'] as const).map((expiresIn) => ({
			reading: `expires_in as a ${expiresIn}`,
			// The one-day token runs out between two requests of the run: Yappli answers 401.
			arm: (_, isFaulted) => {
				sim.shapes.expiresIn = expiresIn;
				const issued = sim.tokensIssued;
				let expired = false;
				sim.onRequest = (request) => {
					if (expired || !isFaulted(request)) return;
					expired = true;
					sim.expireAllTokens();
				};
				// The cell's first token, then one more after the 401.
				return () => expect(sim.tokensIssued - issued).toBe(2);
			},
		})),
		'refresh-token rotation': {
			notApplicable:
				'client credentials: a new token is fetched with the client secret; the `refresh_token` in the answer has no documented grant and is never used (spec §3.2)',
		},
		'daily quota': { notApplicable: 'Yappli publishes no rate limit or quota (spec §9)' },
	},
};
