import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NodeRunResult } from '../../harness';
import type { RecordedRequest, SimRequest } from '../../kit/simulator';
import {
	viewOf,
	type Cell,
	type Expected,
	type Kind,
	type OperationSpec,
	type ReadLedger,
	type VendorFault,
	type WriteLedger,
} from './model';
import type { GenericFault } from './policy';

/** What one cell did, from the node's output and the simulator's log and store. */
export interface Observation {
	/** Requests of the faulted unit (the second page, the second item, the chunk). */
	sends: number;
	/** Requests of units after the faulted one (a paused key sends none). */
	laterSends: number;
	/** Per input item: its error (message and description), or undefined when it succeeded. */
	itemErrors: Array<string | undefined>;
	/** A read that stopped the node (Continue On Fail is off for reads). */
	nodeError?: string;
	/** Writes: per input item, how often the simulator carried it out. */
	applied?: number[];
	/** Writes: items a non-idempotent write applied more than once. Reads: records output twice. */
	duplicated: number;
	/** Writes: items with neither an output nor an error item, or reported written but not written. Reads: records the query covers that a successful read did not output. */
	lost: number;
	/** Reads that succeeded: distinct records output, and records the query covers. */
	records?: { output: number; expected: number };
	/** A re-run after `stopped`: requests it sent; after a failed keyed write: per item applied. */
	rerun?: { sends: number; itemErrors: Array<string | undefined>; applied?: number[] };
}

const isWriteLedger = (ledger: ReadLedger | WriteLedger): ledger is WriteLedger =>
	'applied' in ledger;

function errorText(json: IDataObject): string | undefined {
	if (json.error === undefined) return undefined;
	return `${String(json.error)} — ${String(json.description ?? '')}`;
}

function describeNodeError(result: NodeRunResult): string | undefined {
	if (!result.error) return undefined;
	const error = result.error as { message?: string; description?: string | null };
	return `${error.message ?? ''} — ${error.description ?? ''}`;
}

/** Each input item's outputs, by pairedItem. */
function outputsByItem(items: INodeExecutionData[], count: number): INodeExecutionData[][] {
	const byItem: INodeExecutionData[][] = Array.from({ length: count }, () => []);
	for (const item of items) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const index = typeof paired === 'number' ? paired : (paired?.item ?? 0);
		byItem[index]?.push(item);
	}
	return byItem;
}

/** Prepares a cell, causes the fault on its faulted unit, runs the node and reads the ledger. */
export async function runCell(
	operation: OperationSpec,
	cause: { generic: GenericFault; vendor: Parameters<GenericFault['cause']>[0] } | VendorFault,
	expected: Expected,
): Promise<{ cell: Cell; observation: Observation }> {
	const cell = await operation.prepare();
	const sim = cell.simulator;
	sim.clearFaults();
	sim.onRequest = undefined;
	const start = sim.requests.length;
	const isFaulted = (req: SimRequest) => cell.unitOf(viewOf(req)) === cell.faultedUnit;
	let parameters = cell.parameters;
	let check: void | (() => void) = undefined;
	if ('generic' in cause) {
		sim.inject({ ...cause.generic.cause(cause.vendor), when: isFaulted, times: 1 });
		parameters = cause.generic.parameters?.(parameters) ?? parameters;
	} else {
		check = cause.arm(cell, isFaulted);
	}

	const continueOnFail = operation.kind !== 'read';
	let result: NodeRunResult;
	try {
		result = await cell.run(parameters, cell.input, continueOnFail);
		await sim.idle();
	} finally {
		sim.clearFaults();
		sim.onRequest = undefined;
	}
	const log = sim.requests.slice(start);
	const observation = observe(cell, operation.kind, result, log);
	check?.();

	const failedItems = observation.itemErrors.some(Boolean) || observation.nodeError;
	if (expected.outcome === 'stopped' || (operation.rerunConverges && failedItems)) {
		const rerunStart = sim.requests.length;
		const again = await cell.run(parameters, cell.input, continueOnFail);
		await sim.idle();
		const rerunLog = sim.requests.slice(rerunStart);
		const seen = observe(cell, operation.kind, again, sim.requests.slice(start));
		observation.rerun = {
			sends: rerunLog.length,
			itemErrors: again.error ? cell.input.map(() => describeNodeError(again)) : seen.itemErrors,
			applied: seen.applied,
		};
		observation.duplicated = Math.max(observation.duplicated, seen.duplicated);
	}
	return { cell, observation };
}

/** What the node output and the simulator's log and store say about one run of a cell. */
export function observe(
	cell: Cell,
	kind: Kind,
	result: NodeRunResult,
	log: RecordedRequest[],
): Observation {
	const units = log.map((request) => cell.unitOf(viewOf(request)));
	const sends = units.filter((unit) => unit === cell.faultedUnit).length;
	const laterSends = units.filter((unit) => unit !== undefined && unit > cell.faultedUnit).length;
	const nodeError = describeNodeError(result);
	const byItem = outputsByItem(result.items, cell.input.length);
	const itemErrors = byItem.map((outputs) =>
		nodeError ? nodeError : outputs.map((o) => errorText(o.json)).find(Boolean),
	);

	if (!isWriteLedger(cell.ledger)) {
		const ledger = cell.ledger;
		const ids = result.items.map((item) => ledger.idOf(item.json));
		const output = new Set(ids);
		const expectedIds = ledger.expectedIds();
		return {
			sends,
			laterSends,
			itemErrors,
			nodeError,
			records: nodeError ? undefined : { output: output.size, expected: expectedIds.length },
			duplicated: ids.length - output.size,
			// A read that failed visibly claimed nothing; one that succeeded must hold every record.
			lost: nodeError ? 0 : expectedIds.filter((id) => !output.has(id)).length,
		};
	}

	const ledger = cell.ledger;
	const applied = cell.input.map((_, i) => ledger.applied(i, log));
	let duplicated = 0;
	let lost = 0;
	cell.input.forEach((_, i) => {
		const outputs = byItem[i];
		const succeeded = outputs.length > 0 && !itemErrors[i];
		// Applying an idempotent write twice is what makes it idempotent: its state is checked instead.
		if (kind === 'non-idempotent write' && applied[i] > 1) duplicated += 1;
		// Silently lost: no output and no error item; or reported written although it was not.
		if (outputs.length === 0 && !nodeError) lost += 1;
		else if (succeeded && (applied[i] === 0 || ledger.holds?.(i) === false)) lost += 1;
	});
	return { sends, laterSends, itemErrors, nodeError, applied, duplicated, lost };
}
