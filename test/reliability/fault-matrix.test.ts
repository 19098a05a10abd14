import { readmeBlock } from '../docs/readme-block';
import { fs, path, projectRoot, write } from '../platform/node';
import { cellTitle, planMatrix, unexplainedKinds } from './fault-matrix/plan';
import { renderMatrix } from './fault-matrix/report';
import { runCell } from './fault-matrix/run-cell';
import { describeCell, mismatches } from './fault-matrix/verdict';
import { VENDORS } from './fault-matrix/vendors';

/**
 * The fault matrix: every vendor × fault × kind of request, run through n8n-core's
 * WorkflowExecute against the vendor's simulator with the fault injected on one request (the
 * second page of a read, the second item of a write, a bulk chunk). Each cell checks the outcome
 * its expectation writes down (fault-matrix/policy.ts) and, from the simulator's store and log:
 * - **no duplicated write**: no input item whose non-idempotent write the simulator carried out
 *   more than once (two records, two point grants). An idempotent write carried out twice is not
 *   a duplicate; its record must end in the state one write gives.
 * - **no silently lost item**: every input item has a success output or an error item of its
 *   own, and an item reported written is written; a read that succeeded output every record
 *   its query covers.
 * Writes run with Continue On Fail (so a failed item shows as its own error item), reads without.
 * Regenerate README's copy with `UPDATE_README=1 npx jest test/reliability/fault-matrix`.
 */
const rows = planMatrix(VENDORS);

/**
 * Action nodes that ship without cells yet, each with the reason README's Reliability section
 * states too. Any other node missing from the matrix fails the test below.
 */
const NOT_YET_IN_MATRIX: Record<string, string> = {};

test('every vendor node of the package is in the matrix, or listed as not yet with a reason', () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const actionNodes = pkg.n8n.nodes.filter((node) => !node.endsWith('Trigger.node.js'));
	const covered = actionNodes.filter((node) => !(node in NOT_YET_IN_MATRIX));
	expect(VENDORS.map((v) => v.node).sort()).toEqual(covered.sort());
	// A node both in the matrix and on the not-yet list means the list is out of date.
	expect(VENDORS.filter((v) => v.node in NOT_YET_IN_MATRIX)).toEqual([]);
});

test('every kind of request has an operation in the matrix, or a reason why not', () => {
	expect(VENDORS.map((vendor) => [vendor.vendor, unexplainedKinds(vendor)])).toEqual(
		VENDORS.map((vendor) => [vendor.vendor, []]),
	);
});

beforeAll(async () => {
	for (const vendor of VENDORS) await vendor.start();
});
afterAll(async () => {
	for (const vendor of VENDORS) await vendor.stop();
});

/**
 * Cells of one vendor run one after another (they share its simulator: faults, hooks, switches);
 * the vendors run side by side, so waits for backoff, throttle and timeouts overlap. The tests
 * are declared round-robin across vendors, the order jest starts concurrent tests in.
 */
const turns = new Map<string, Promise<unknown>>();
function inTurn<T>(vendor: string, work: () => Promise<T>): Promise<T> {
	const next = (turns.get(vendor) ?? Promise.resolve()).catch(() => undefined).then(work);
	turns.set(vendor, next);
	return next;
}

const byVendor = VENDORS.map((vendor) =>
	rows.filter((row) => row.vendor === vendor).flatMap((row) => row.cells),
);
const longest = Math.max(...byVendor.map((cells) => cells.length));
for (let i = 0; i < longest; i++) {
	for (const cell of byVendor.flatMap((cells) => cells[i] ?? [])) {
		test.concurrent(cellTitle(cell), async () => {
			const { cell: setup, observation } = await inTurn(
				cell.row.vendor.vendor,
				async () => await runCell(cell.operation, cell.cause, cell.expected),
			);
			expect(mismatches(cell.operation, setup, cell.expected, observation)).toEqual([]);
			cell.result = describeCell(cell.operation, setup, cell.expected, observation);
		});
	}
}

test("README's Reliability section shows this matrix", () => {
	const table = renderMatrix(rows);
	write(`\nFault matrix (vendor × fault × kind of request):\n\n${table}\n\n`);
	const planned = rows.flatMap((row) => row.cells);
	const green = planned.filter((cell) => cell.result !== undefined);
	// Only a full, green run says what the matrix is (a filtered run, -t, leaves cells out).
	if (green.length < planned.length) {
		write(`README not compared: ${planned.length - green.length} cells did not run green.\n`);
		return;
	}
	const { current, generated } = readmeBlock('fault-matrix', table);
	expect(current).toBe(generated);
});
