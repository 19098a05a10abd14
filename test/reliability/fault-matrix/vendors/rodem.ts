import { rodemCredentials, runRodem, type RodemCredentials } from '../../../rodem/setup';
import { RodemSimulator } from '../../../simulators/rodem/rodem-simulator';
import type { DetailsKey } from '../../../simulators/rodem/types';
import {
	newCell,
	serving,
	viewOf,
	type Cell,
	type OperationSpec,
	type VendorDescriptor,
} from '../model';
import { pagedReadCell } from '../shapes';

/**
 * RODEM (spec rodem.md, seed 004): read-only expenses behind OAuth 2.0 with hour-long access
 * tokens and refresh tokens that rotate on every use; no published rate limit, quota or error
 * bodies. Each cell connects a fresh OAuth client (budgets belong to the client).
 */
const sim = new RodemSimulator({
	// Two pages at RODEM's 200 a page: the fault hits the second, after the first was read.
	seed: { users: 2, primaryUserExpenses: 300, otherUserExpenses: 5 },
});
const RANGE = { startDate: '2024-04-01', endDate: '2024-09-30' };
const PAGE = 200;
/** The user who connects at the consent screen (the seed's first). */
const OWNER = 27;

/** The expense array's key: the field table's `expense_details` or the JSON example's `expens_details`. */
const READING: Record<Exclude<DetailsKey, 'both'>, string> = {
	expens_details: 'array key `expens_details` (JSON example)',
	expense_details: 'array key `expense_details` (field table)',
};

interface RodemCell extends Cell {
	setup: RodemCredentials;
}

function expenseGetMany(detailsKey: Exclude<DetailsKey, 'both'>): OperationSpec<RodemCell> {
	return {
		name: 'Expense → Get Many (Return All)',
		kind: 'read',
		reading: READING[detailsKey],
		prepare: async () => {
			sim.detailsKey = detailsKey;
			sim.minimalTokenResponse = false;
			const setup = await rodemCredentials(sim, sim.registerClient());
			const ids = [...sim.expenses.values()]
				.filter(
					(e) => e.userId === OWNER && e.useDate >= RANGE.startDate && e.useDate <= RANGE.endDate,
				)
				.map((e) => String(e.id));
			const run: Cell['run'] = async (parameters, input, continueOnFail) =>
				await runRodem(setup, parameters, input, continueOnFail);
			const shape = pagedReadCell(
				(r) =>
					r.method === 'GET' && r.path === `${sim.basePath}/api/v1/expenses`
						? Number(r.query.offset) / PAGE + 1
						: undefined,
				ids,
				(record) => String(record.id),
			);
			return { ...newCell(sim, run, { ...RANGE, returnAll: true }, [{}], shape), setup };
		},
	};
}

/** Expires every access token when the first request of each of `units` arrives (RODEM then answers 401). */
function expireTokensAt(cell: RodemCell, units: number[]): void {
	const due = new Set(units);
	sim.onRequest = (request) => {
		const unit = cell.unitOf(viewOf(request));
		if (unit === undefined || !due.delete(unit)) return;
		sim.expireAllAccessTokens();
	};
}

const storedTokens = (cell: RodemCell) =>
	cell.setup.helper.stored(cell.setup.id).oauthTokenData as { refresh_token: string };

/** The refresh answer: the simulator's full one, or only the three fields RODEM's document lists. */
const TOKEN_ANSWERS = [
	{ minimal: false, reading: 'refresh answer with token_type, scope, created_at [proposed]' },
	{ minimal: true, reading: 'refresh answer with the three documented fields only' },
];

export const rodem: VendorDescriptor<RodemCell> = {
	vendor: 'RODEM',
	node: 'dist/nodes/Rodem/Rodem.node.js',
	...serving(sim),
	operations: [expenseGetMany('expens_details'), expenseGetMany('expense_details')],
	noOperation: {
		'idempotent write': 'read-only API (scope expense_read)',
		'non-idempotent write': 'read-only API (scope expense_read)',
	},
	// [proposed] RODEM publishes no error bodies; OAuth 2.0's `{ error, error_description }` shape.
	errorBody: (status) =>
		({
			429: { error: 'rate_limited', error_description: 'Too Many Requests' },
			500: { error: 'server_error', error_description: 'Internal Server Error' },
			503: { error: 'temporarily_unavailable', error_description: 'Service Unavailable' },
		})[status],
	vendorFaults: {
		'error in a 2xx body': {
			notApplicable:
				'RODEM publishes no error bodies; OAuth 2.0 refusals are 4xx (RFC 6749/6750, spec §7)',
		},
		'token expiry mid-pagination': TOKEN_ANSWERS.map(({ minimal, reading }) => ({
			reading,
			arm: (cell) => {
				sim.minimalTokenResponse = minimal;
				const refreshes = sim.issued.refreshes;
				expireTokensAt(cell, [cell.faultedUnit]);
				return () => expect(sim.issued.refreshes - refreshes).toBe(1);
			},
		})),
		'refresh-token rotation': TOKEN_ANSWERS.map(({ minimal, reading }) => ({
			reading,
			// Two refreshes in one run: the second works only with the refresh token the first returned.
			arm: (cell) => {
				sim.minimalTokenResponse = minimal;
				const first = storedTokens(cell).refresh_token;
				const refreshes = sim.issued.refreshes;
				expireTokensAt(cell, [cell.faultedUnit - 1, cell.faultedUnit]);
				return () => {
					expect(sim.issued.refreshes - refreshes).toBe(2);
					expect(sim.refreshTokenState(first)).toBe('revoked');
					// n8n stored the newest refresh token, the only one RODEM still accepts.
					expect(sim.refreshTokenState(storedTokens(cell).refresh_token)).toBe('active');
				};
			},
		})),
		'daily quota': { notApplicable: 'RODEM publishes no rate limit or quota (spec §8)' },
	},
};
