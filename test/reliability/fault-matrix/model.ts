import type { IDataObject } from 'n8n-workflow';

import type { NodeRunResult } from '../../harness';
import type { RecordedRequest, SimRequest, Simulator } from '../../kit/simulator';

/** What an operation does to the vendor, which decides what may be sent again. */
export const KINDS = ['read', 'idempotent write', 'non-idempotent write'] as const;
export type Kind = (typeof KINDS)[number];

/** The faults of the matrix (issue 9), in the order it shows them. */
export const FAULTS = [
	'429 with Retry-After',
	'429 without Retry-After',
	'503',
	'500',
	'reset before processing',
	'reset after processing',
	'timeout',
	'malformed JSON',
	'error in a 2xx body',
	'token expiry mid-pagination',
	'refresh-token rotation',
	'daily quota',
] as const;
export type FaultName = (typeof FAULTS)[number];

/** Faults whose cause is the vendor's own (its body, its tokens, its quota): each vendor says how, or why not. */
export const VENDOR_FAULTS = [
	'error in a 2xx body',
	'token expiry mid-pagination',
	'refresh-token rotation',
	'daily quota',
] as const satisfies readonly FaultName[];
export type VendorFaultName = (typeof VENDOR_FAULTS)[number];

/** A request as a fault's condition and the ledger both see it. */
export interface RequestView {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	body: unknown;
}

export function viewOf(request: SimRequest | RecordedRequest): RequestView {
	const { method, path, body } = request;
	if (!(request.query instanceof URLSearchParams))
		return { method, path, body, query: request.query };
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(request.query.keys())) {
		const values = request.query.getAll(key);
		query[key] = values.length === 1 ? values[0] : values;
	}
	return { method, path, body, query };
}

/**
 * How a cell checks what the simulator holds after a read: the records the query covers, each
 * of which must be in the output exactly once when the read succeeded.
 */
export interface ReadLedger {
	expectedIds(): string[];
	idOf(record: IDataObject): string;
}

/** How a cell checks what the simulator holds after a write, per input item. */
export interface WriteLedger {
	/**
	 * How many times the simulator carried out item `i`'s write: records or grants it produced
	 * (non-idempotent writes), or requests the route answered 2xx, also when the answer was then
	 * lost (idempotent writes).
	 */
	applied(itemIndex: number, log: RecordedRequest[]): number;
	/** Whether item `i`'s intended state holds (the record deleted, the field set, the row written). */
	holds?(itemIndex: number): boolean;
}

/**
 * One operation set up afresh for one cell: a new API key or client (budgets, pauses and the
 * breaker belong to the key), records no other cell touches, and how to tell its requests apart.
 */
export interface Cell {
	simulator: Simulator;
	parameters: IDataObject;
	/** A read gets one input item; a write three, so that items before and after the fault show. */
	input: IDataObject[];
	/** Runs the node through n8n-core's WorkflowExecute with this cell's credential. */
	run(
		parameters: IDataObject,
		input: IDataObject[],
		continueOnFail: boolean,
	): Promise<NodeRunResult>;
	/**
	 * The unit of work a request belongs to: the page of a read, the input item of a write, 0 for
	 * a bulk chunk; undefined for other requests (a token, a history look-up before a keyed grant).
	 */
	unitOf(request: RequestView): number | undefined;
	/** The unit the fault hits: the second page, the second item, the only chunk. */
	faultedUnit: number;
	/** The faulted unit as the matrix names it, when it is not a page or an item (a single status read). */
	unitName?: string;
	/** The input items a unit's outcome falls on. */
	itemsOf(unit: number): number[];
	ledger: ReadLedger | WriteLedger;
}

export interface OperationSpec<C extends Cell = Cell> {
	/** As the node's UI names it, e.g. "Customer → Create (Use Bulk Endpoint)". */
	name: string;
	kind: Kind;
	/** The vendor-document reading the simulator answers in, when the document allows two. */
	reading?: string;
	prepare(): Promise<C>;
	/**
	 * Writes made safe to re-run (an idempotency key): after a run with failed items, a re-run
	 * without faults must leave every item written exactly once.
	 */
	rerunConverges?: boolean;
}

/** What the user gets, written down per cell from the documented policy (see policy.ts). */
export type Expected =
	/** The faulted unit was sent again and everything succeeded. */
	| { outcome: 'retried' }
	/**
	 * The faulted unit was sent once and not again: a read fails with `message`, a write's
	 * faulted items get an item error matching `message` (in the message or its description)
	 * and the other items are written once.
	 */
	| { outcome: 'failed'; message: RegExp }
	/**
	 * As `failed`, and the key is paused: later units are not sent, their items fail with
	 * `laterMessage`, and a re-run sends nothing.
	 */
	| { outcome: 'stopped'; message: RegExp; laterMessage: RegExp };

/** A vendor fault as one vendor causes it, in one reading of its document. */
export interface VendorFault<C extends Cell = Cell> {
	/** The document reading, when there are two (e.g. the quota answer's wording). */
	reading?: string;
	/**
	 * Causes the fault in `cell` (e.g. expires the tokens when the faulted unit arrives). May
	 * return a check to run after the node ran (e.g. the rotated refresh token was stored).
	 */
	arm(cell: C, isFaulted: (request: SimRequest) => boolean): void | (() => void);
	/** What the user gets, where the vendor's answer decides it (e.g. a throttle inside a 200). */
	expect?: Partial<Record<Kind, Expected>>;
}

/**
 * Everything the fault matrix needs to know about one vendor. Adding a vendor is one such file
 * under vendors/ (and its line in vendors/index.ts).
 */
export interface VendorDescriptor<C extends Cell = Cell> {
	vendor: string;
	/** The action node as `package.json` lists it: every listed vendor node must have a descriptor. */
	node: string;
	start(): Promise<void>;
	stop(): Promise<void>;
	operations: Array<OperationSpec<C>>;
	/** Kinds the vendor has no operation of, and why. */
	noOperation?: Partial<Record<Kind, string>>;
	/** The vendor's error body for the statuses the generic faults answer with. */
	errorBody(status: 429 | 500 | 503): unknown;
	/** Each vendor fault: how this vendor causes it (one entry per document reading) or why it does not apply. */
	vendorFaults: Record<VendorFaultName, Array<VendorFault<C>> | { notApplicable: string }>;
}

/** A descriptor's start and stop for its one simulator. */
export function serving(simulator: Simulator): Pick<VendorDescriptor, 'start' | 'stop'> {
	return {
		start: async () => {
			await simulator.start();
		},
		stop: async () => await simulator.stop(),
	};
}

/** What a vendor file says about one cell besides its parameters and input items (shapes.ts builds them). */
export type CellShape = Pick<Cell, 'unitOf' | 'faultedUnit' | 'itemsOf' | 'ledger' | 'unitName'>;

/** A cell that runs the vendor's node through `run` (one credential) on `parameters` and `input`. */
export function newCell(
	simulator: Simulator,
	run: Cell['run'],
	parameters: IDataObject,
	input: IDataObject[],
	shape: CellShape,
): Cell {
	return { simulator, run, parameters, input, ...shape };
}
