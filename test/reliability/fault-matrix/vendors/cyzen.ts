import type { IDataObject } from 'n8n-workflow';

import { cyzenCredentials, runCyzen } from '../../../cyzen/setup';
import { crypto } from '../../../platform/node';
import { CyzenSimulator } from '../../../simulators/cyzen/cyzen-simulator';
import { ERR, errorsBody } from '../../../simulators/cyzen/errors';
import { formatUtc, DAY, MINUTE } from '../../../simulators/cyzen/time';
import {
	newCell,
	serving,
	type Cell,
	type CellShape,
	type OperationSpec,
	type VendorDescriptor,
} from '../model';
import { allKinds } from '../policy';
import { idempotentWriteCell, itemOfMark, pagedReadCell, writeCell } from '../shapes';

/**
 * cyzen (spec cyzen.md, seed 000): one bearer access token per contract, no expiry or refresh;
 * 5 requests a second per token, refused with 503 (429 announced; spec §6, §11.10); errors as
 * `{"errors":[{err_code, err_msg}]}`, also inside HTTP 200 (§8, §11.1); POST/PUT bodies are
 * forms (§4); lists page with `next_*` keys, 200 a page (§7); schedule lists answer 500 on some
 * days and are asked again day by day (§11.11).
 *
 * The kinds of request, and why these operations:
 * - read: **Spot → Get Many**, a plain `next_spot_id` list (the seed's 260 spots: two pages), and
 *   **Schedule → Get Many** over one UTC day, the list that takes a 500 as a data fault and
 *   degrades day by day (its own retry path, nodes/Cyzen/transport/list.ts): a one-day range makes
 *   that day-by-day retry the same request again, so the cell can count it.
 * - idempotent write: **Spot → Update** (PUT /spots, `spot_id` in the form): sending the same
 *   fields twice leaves the spot as one write does.
 * - non-idempotent write: **Schedule → Create** (POST /schedules): nothing in it is unique, so a
 *   second send is a second schedule, which the store shows; and **Spot → Create** (POST /spots),
 *   whose `spot_code` is unique, so a second send would be refused rather than doubled — the
 *   cell counts the sends, which is what would show it.
 *
 * The simulator's rate limit is lifted (the node paces itself below it; a real 503 on top of the
 * injected fault would blur what a cell counts: the 503 row is that refusal). Each cell gets a
 * fresh token of the same company (its own bucket, pause and breaker), at cyzen's 5 a second.
 */
const sim = new CyzenSimulator({ switches: { rateLimit: false } });
const base = () => sim.basePath;

let cells = 0;

function cyzenCell(parameters: IDataObject, input: IDataObject[], shape: CellShape): Cell {
	const setup = cyzenCredentials(sim, { accessToken: sim.addToken(), requestsPerSecond: 5 });
	return newCell(
		sim,
		async (p, items, continueOnFail) => await runCyzen(setup, p, items, continueOnFail),
		parameters,
		input,
		shape,
	);
}

const freshMarks = () => {
	const cell = ++cells;
	return [0, 1, 2].map((i) => `fault-matrix-${cell}-${i}`);
};

/** Seeded spots no earlier cell updated. */
let spotsTaken = 0;
function spotsToUpdate(): string[] {
	const ids = [...sim.store.spots.keys()].slice(spotsTaken, spotsTaken + 3);
	spotsTaken += 3;
	if (ids.length < 3) throw new Error('the cyzen seed has too few spots for the matrix');
	return ids;
}

const spotGetMany: OperationSpec = {
	name: 'Spot → Get Many (Return All)',
	kind: 'read',
	prepare: async () => {
		// Every spot, also those the create cells added before this one.
		const ids = [...sim.store.spots.keys()];
		if (ids.length <= 200) throw new Error('the cyzen seed should give the spot list two pages');
		return cyzenCell(
			{ resource: 'spot', operation: 'getAll', returnAll: true },
			[{}],
			pagedReadCell(
				// Two pages: the first without a cursor, the second with `next_spot_id`.
				(r) =>
					r.method === 'GET' && r.path === `${base()}/spots`
						? r.query.next_spot_id === undefined
							? 1
							: 2
						: undefined,
				ids,
				(record) => String(record.spot_id),
			),
		);
	},
};

/** 300 schedules on one UTC day far from the seed's, 4 minutes apart: two pages of one window. */
const SCHEDULE_DAY = Math.floor(Date.now() / DAY) * DAY + 60 * DAY;
const SCHEDULES_THAT_DAY = 300;
let schedulesOfTheDay: string[] | undefined;
function scheduleDay(): { ids: string[]; secondPage: string } {
	if (!schedulesOfTheDay) {
		const template = [...sim.store.schedules.values()].find((s) => s.deleted_at === null);
		if (!template) throw new Error('the cyzen seed has no schedule to copy');
		schedulesOfTheDay = [];
		for (let i = 0; i < SCHEDULES_THAT_DAY; i++) {
			const start = SCHEDULE_DAY + i * 4 * MINUTE;
			const schedule = {
				...template,
				schedule_id: crypto.randomBytes(16).toString('hex'),
				title: `fault-matrix schedule ${i}`,
				start_date: formatUtc(start),
				end_date: formatUtc(start + 30 * MINUTE),
			};
			sim.store.schedules.set(schedule.schedule_id, schedule);
			schedulesOfTheDay.push(schedule.schedule_id);
		}
	}
	// cyzen's cursor is the start of the next page's first row (200 a page).
	return { ids: schedulesOfTheDay, secondPage: formatUtc(SCHEDULE_DAY + 200 * 4 * MINUTE) };
}

const scheduleGetMany: OperationSpec = {
	name: 'Schedule → Get Many (Return All, one UTC day)',
	kind: 'read',
	prepare: async () => {
		const { ids, secondPage } = scheduleDay();
		const from = new Date(SCHEDULE_DAY).toISOString();
		const to = new Date(SCHEDULE_DAY + DAY - 1000).toISOString();
		return cyzenCell(
			{
				resource: 'schedule',
				operation: 'getAll',
				returnAll: true,
				filters: { fromDate: from, toDate: to },
			},
			[{}],
			pagedReadCell(
				(r) => {
					if (r.method !== 'GET' || r.path !== `${base()}/schedules`) return undefined;
					if (r.query.next_start_date === undefined) return 1;
					return r.query.next_start_date === secondPage ? 2 : undefined;
				},
				ids,
				(record) => String(record.schedule_id),
			),
		);
	},
};

const spotUpdate: OperationSpec = {
	name: 'Spot → Update',
	kind: 'idempotent write',
	prepare: async () => {
		const ids = spotsToUpdate();
		const marks = freshMarks();
		return cyzenCell(
			{
				resource: 'spot',
				operation: 'update',
				spotId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { spotName: '={{ $json.mark }}' },
			},
			ids.map((id, i) => ({ id, mark: marks[i] })),
			idempotentWriteCell(
				itemOfMark({ method: 'PUT', path: `${base()}/spots`, field: 'spot_id' }, ids),
				(i) => sim.store.spots.get(ids[i])?.spot_name === marks[i],
			),
		);
	},
};

const scheduleCreate: OperationSpec = {
	name: 'Schedule → Create',
	kind: 'non-idempotent write',
	prepare: async () => {
		const marks = freshMarks();
		// cyzen asks for a group on a new schedule: the seed's first.
		const [group] = sim.store.groups.keys();
		const start = new Date(SCHEDULE_DAY + DAY).toISOString();
		const end = new Date(SCHEDULE_DAY + DAY + 30 * 60_000).toISOString();
		return cyzenCell(
			{
				resource: 'schedule',
				operation: 'create',
				startDate: start,
				endDate: end,
				title: '={{ $json.mark }}',
				additionalFields: { groupId: { __rl: true, mode: 'id', value: group } },
			},
			marks.map((mark) => ({ mark })),
			writeCell(
				{ method: 'POST', path: `${base()}/schedules`, field: 'title' },
				marks,
				// Each schedule cyzen made with the item's title: two are a duplicate.
				(mark) => [...sim.store.schedules.values()].filter((s) => s.title === mark).length,
			),
		);
	},
};

const spotCreate: OperationSpec = {
	name: 'Spot → Create',
	kind: 'non-idempotent write',
	prepare: async () => {
		const marks = freshMarks();
		return cyzenCell(
			{
				resource: 'spot',
				operation: 'create',
				spotCode: '={{ $json.mark }}',
				spotName: '={{ $json.mark }}',
			},
			marks.map((mark) => ({ mark })),
			writeCell(
				{ method: 'POST', path: `${base()}/spots`, field: 'spot_code' },
				marks,
				(mark) => [...sim.store.spots.values()].filter((s) => s.spot_code === mark).length,
			),
		);
	},
};

/** An `errors` list inside HTTP 200 (spec §8: chapter 2 of the reference allows it). */
const inA200 = (code: number, message: string) => ({
	status: 200,
	body: errorsBody(code, message),
});

export const cyzen: VendorDescriptor = {
	vendor: 'cyzen',
	node: 'dist/nodes/Cyzen/Cyzen.node.js',
	...serving(sim),
	operations: [spotGetMany, scheduleGetMany, spotUpdate, scheduleCreate, spotCreate],
	// cyzen's `errors` body; only 40000 is attested, these codes are the simulator's [proposed] ones.
	errorBody: (status) =>
		({
			429: errorsBody(ERR.tooManyRequests, 'too many requests'),
			500: errorsBody(ERR.internal, 'internal server error'),
			503: errorsBody(ERR.serviceUnavailable, 'service unavailable'),
		})[status],
	vendorFaults: {
		'error in a 2xx body': [
			{
				reading: 'HTTP 200, body `{"errors":[{"err_code":40000,"err_msg":"invalid parameter."}]}`',
				arm: (_, isFaulted) => {
					sim.inject({
						when: isFaulted,
						times: 1,
						respond: inA200(ERR.invalidParameter, 'invalid parameter.'),
					});
				},
			},
			{
				reading: 'HTTP 200, body with the throttle code 50300 [proposed]: a refusal like the 503',
				arm: (_, isFaulted) => {
					sim.inject({
						when: isFaulted,
						times: 1,
						respond: inA200(ERR.serviceUnavailable, 'service unavailable'),
					});
				},
				expect: allKinds({ outcome: 'retried' }),
			},
		],
		'token expiry mid-pagination': {
			notApplicable:
				'one access token issued with the contract, no expiry or refresh published (seed: アクセストークン; spec §3)',
		},
		'refresh-token rotation': {
			notApplicable: 'a bearer access token without a refresh token (spec §3)',
		},
		'daily quota': {
			notApplicable:
				'no daily quota published: the seed gives 200 records a request and 5 calls a second per token, and a limit that "resets after a set time" without its numbers; its refusal is the 503 throttle (spec §6), the 503 row',
		},
	},
};
