import type { IDataObject } from 'n8n-workflow';

import { runSatori, satoriCredentials } from '../../../satori/setup';
import { MESSAGES } from '../../../simulators/satori/errors';
import { DEFAULT_PATHS, SatoriSimulator } from '../../../simulators/satori/satori-simulator';
import {
	newCell,
	serving,
	type Cell,
	type CellShape,
	type OperationSpec,
	type VendorDescriptor,
} from '../model';
import { allKinds } from '../policy';
import { bulkWriteCell, idempotentWriteCell, itemOfMark, writeCell } from '../shapes';

/**
 * SATORI (spec satori.md, seed 001): four static keys in the form body or query, no read API
 * but the bulk job status, answers `{ "status", "message" }` whose body status decides (HTTP
 * may say 200 over an error), no published rate limit or quota. The node paces 1 request a
 * second per key set [proposed]; each cell gets a fresh API user (budgets, pauses and the
 * breaker belong to the keys). Bulk jobs finish at once, so Wait for Completion reads each
 * row's result after one status poll.
 */
const sim = new SatoriSimulator({ behaviour: { queueMs: 0, processingMs: 0 } });
const P = DEFAULT_PATHS;

let cells = 0;

function satoriCell(parameters: IDataObject, input: IDataObject[], shape: CellShape): Cell {
	const setup = satoriCredentials(sim, sim.addApiUser());
	return newCell(
		sim,
		async (p, items, continueOnFail) => await runSatori(setup, p, items, continueOnFail),
		parameters,
		input,
		shape,
	);
}

/** Three addresses no other cell uses. */
function freshEmails(): string[] {
	const cell = ++cells;
	return [0, 1, 2].map((i) => `fault-matrix-${cell}-${i}@example.co.jp`);
}

/** The customer of each input item, by its `email`, as the upload and upsert cells send it. */
const CUSTOMER_BY_ITEM_EMAIL = {
	identityType: 'email',
	email: '={{ $json.email }}',
	collectionRoute: 'fault matrix',
};

const customerStatus: OperationSpec = {
	name: 'Customer (Bulk) → Get Status',
	kind: 'read',
	prepare: async () => {
		// A job to read, uploaded as another workflow would have done (the admin screen cannot).
		const emails = freshEmails();
		const upload = await runSatori(
			satoriCredentials(sim, sim.addApiUser()),
			{
				resource: 'customerBulk',
				operation: 'upsert',
				...CUSTOMER_BY_ITEM_EMAIL,
			},
			emails.map((email) => ({ email })),
		);
		const code = String(upload.items[0]?.json.process_code);
		if (upload.error || !code) throw new Error(`no bulk job to read: ${upload.error?.message}`);
		return satoriCell(
			{ resource: 'customerBulk', operation: 'getStatus', processCode: code },
			[{}],
			{
				unitOf: (r) => (r.method === 'GET' && r.path === P.bulkStatus ? 1 : undefined),
				faultedUnit: 1,
				itemsOf: () => [0],
				unitName: 'the status request',
				ledger: { expectedIds: () => [code], idOf: (record) => String(record.process_code) },
			},
		);
	},
};

const customerUpsert: OperationSpec = {
	name: 'Customer → Create or Update',
	kind: 'idempotent write',
	prepare: async () => {
		const emails = freshEmails();
		const marks = emails.map((_, i) => `fault-matrix-${cells}-${i}`);
		return satoriCell(
			{
				resource: 'customer',
				operation: 'upsert',
				...CUSTOMER_BY_ITEM_EMAIL,
				customerFields: { memo: '={{ $json.mark }}' },
			},
			emails.map((email, i) => ({ email, mark: marks[i] })),
			idempotentWriteCell(
				// The single-customer form call, told apart by its `customer[email]`.
				itemOfMark({ method: 'POST', path: P.customerUpsert, field: 'customer[email]' }, emails),
				// Upsert is idempotent by email: one customer, its memo set.
				(i) => sim.customerByEmail(emails[i])?.items.memo === marks[i],
			),
		);
	},
};

const actionAdd: OperationSpec = {
	name: 'Customer Action → Add',
	kind: 'non-idempotent write',
	prepare: async () => {
		const [email] = freshEmails();
		sim.registerInAdminScreen([email]);
		const marks = [0, 1, 2].map((i) => `fault-matrix-${cells}-${i}`);
		return satoriCell(
			{
				resource: 'customerAction',
				operation: 'add',
				identityType: 'email',
				email,
				actionName: '={{ $json.mark }}',
			},
			marks.map((mark) => ({ mark })),
			writeCell(
				{ method: 'POST', path: P.addAction, field: 'action[name]' },
				marks,
				// Each action SATORI added is one line in the customer's latest actions: twice is a duplicate.
				(mark) => (sim.customerByEmail(email)?.actions ?? []).filter((a) => a.name === mark).length,
			),
		);
	},
};

const bulkUpsert: OperationSpec = {
	name: 'Customer (Bulk) → Create or Update, Wait for Completion',
	kind: 'non-idempotent write',
	prepare: async () => {
		const emails = freshEmails();
		return satoriCell(
			{
				resource: 'customerBulk',
				operation: 'upsert',
				...CUSTOMER_BY_ITEM_EMAIL,
				waitForCompletion: true,
				options: { pollIntervalSeconds: 1 },
			},
			emails.map((email) => ({ email })),
			// One CSV upload carries all three items; the status polls after it are other requests.
			bulkWriteCell({ method: 'POST', path: P.bulkUpsert }, emails, {
				// Each job SATORI took is one carrying out of its rows: two jobs with a row write it twice.
				applied: (email) =>
					[...sim.jobs.values()].filter((job) => job.rows.some((row) => row.email === email))
						.length,
				holds: (email) => sim.customerByEmail(email) !== undefined,
			}),
		);
	},
};

/** An answer with HTTP 200 whose body status is `status` (spec §6: SATORI clients read the body). */
const inA200 = (status: number, message: string) => ({
	status: 200,
	body: { status, message },
});

export const satori: VendorDescriptor = {
	vendor: 'SATORI',
	node: 'dist/nodes/Satori/Satori.node.js',
	...serving(sim),
	operations: [customerStatus, customerUpsert, actionAdd, bulkUpsert],
	// [proposed] SATORI publishes only its validation body; other statuses in the same `{status, message}` shape.
	errorBody: (status) =>
		({
			429: { status: 429, message: MESSAGES.tooMany },
			500: { status: 500, message: '内部エラーが発生しました。' },
			503: { status: 503, message: 'ただいまメンテナンス中です。' },
		})[status],
	vendorFaults: {
		'error in a 2xx body': [
			{
				reading: 'HTTP 200, body `{"status":400,"message":"バリデーションに失敗しました。 …"}`',
				arm: (_, isFaulted) => {
					sim.inject({
						when: isFaulted,
						times: 1,
						respond: inA200(400, `${MESSAGES.validationPrefix} メールアドレスはすでに存在します。`),
					});
				},
				expect: allKinds({
					outcome: 'failed',
					message: /SATORI returned 400: バリデーションに失敗しました/,
				}),
			},
			{
				reading: 'HTTP 200, body `{"status":429,…}`: a refusal like a 429',
				arm: (_, isFaulted) => {
					sim.inject({ when: isFaulted, times: 1, respond: inA200(429, MESSAGES.tooMany) });
				},
				expect: allKinds({ outcome: 'retried' }),
			},
		],
		'token expiry mid-pagination': {
			notApplicable:
				'four static keys, no token (spec §3); no list endpoint to page through (spec §7)',
		},
		'refresh-token rotation': { notApplicable: 'four static keys: no refresh token (spec §3)' },
		'daily quota': {
			notApplicable:
				'SATORI publishes no rate limit or quota, only "avoid bursts and large volumes" (spec §8)',
		},
	},
};
