import type { IDataObject } from 'n8n-workflow';

import type { Cell, CellShape, ReadLedger, WriteLedger } from './model';

/**
 * The cell shapes the vendor files share: which request is which unit, the unit the fault hits
 * and the ledger, for a paged read, a write per item and a bulk write. A vendor file states only
 * what is its own: the request that carries an item and what its store holds afterwards.
 */

/** The request a write sends, as the simulator's log shows it. */
export interface WriteRequest {
	method: string;
	path: string;
}

/** A write request whose body field `field` (JSON or form) carries the input item's mark. */
export interface MarkedRequest extends WriteRequest {
	field: string;
}

/** What the store holds for one input item, found by the item's mark. */
export interface LedgerByMark {
	/** The records (grants, actions, bulk jobs) the vendor made with the mark. */
	applied: (mark: string) => number;
	/** Whether the mark's intended state holds (the customer exists). */
	holds?: (mark: string) => boolean;
}

/** Item `i`'s mark is `marks[i]`: the ledger per input item. */
function ledgerOf(marks: string[], { applied, holds }: LedgerByMark): WriteLedger {
	const ledger: WriteLedger = { applied: (i) => applied(marks[i]) };
	if (holds) ledger.holds = (i) => holds(marks[i]);
	return ledger;
}

/** The input item a request is for: where its body field stands among `marks`, one mark per item. */
export function itemOfMark(request: MarkedRequest, marks: string[]): Cell['unitOf'] {
	return (r) => {
		if (r.method !== request.method || r.path !== request.path) return undefined;
		const index = marks.indexOf(String((r.body as IDataObject | undefined)?.[request.field]));
		return index < 0 ? undefined : index;
	};
}

/** Writes that send input item `i` as `method paths[i]` (an update or delete by id). */
export function itemOfPath(method: string, paths: string[]): Cell['unitOf'] {
	return (request) => {
		const index = paths.indexOf(request.path);
		return request.method === method && index >= 0 ? index : undefined;
	};
}

/**
 * How many times the route carried item `i` out, for idempotent writes: requests of the item it
 * answered 2xx, whether or not the answer then reached the node.
 */
export function carriedOut(unitOf: Cell['unitOf']): WriteLedger['applied'] {
	return (i, log) =>
		log.filter(
			(r) =>
				unitOf(r) === i &&
				r.routeStatus !== undefined &&
				r.routeStatus < 300 &&
				r.routeStatus >= 200,
		).length;
}

/** A write that sends each input item in a request of its own: the fault hits the second item. */
function perItem(unitOf: Cell['unitOf'], ledger: WriteLedger): CellShape {
	return { unitOf, faultedUnit: 1, itemsOf: (unit) => [unit], ledger };
}

/**
 * A non-idempotent write, one request per item carrying the item's mark: `withMark` counts the
 * records the vendor made with a mark, so a write sent twice shows as two.
 */
export function writeCell(
	request: MarkedRequest,
	marks: string[],
	withMark: (mark: string) => number,
): CellShape {
	return perItem(itemOfMark(request, marks), ledgerOf(marks, { applied: withMark }));
}

/**
 * An idempotent write, one request per item (`unitOf` tells which): carried out as often as the
 * route answered it 2xx; `holds` tells whether the item's intended state holds afterwards.
 */
export function idempotentWriteCell(
	unitOf: Cell['unitOf'],
	holds: (itemIndex: number) => boolean,
): CellShape {
	return perItem(unitOf, { applied: carriedOut(unitOf), holds });
}

/** A write whose one `request` carries every input item (a bulk chunk): the fault hits it. */
export function bulkWriteCell(
	request: WriteRequest,
	marks: string[],
	ledger: LedgerByMark,
): CellShape {
	return {
		unitOf: (r) => (r.method === request.method && r.path === request.path ? 0 : undefined),
		faultedUnit: 0,
		itemsOf: () => marks.map((_, i) => i),
		ledger: ledgerOf(marks, ledger),
	};
}

/**
 * A read of one input item that pages (`pageOf` numbers the pages from 1): the fault hits the
 * second page, and a successful read outputs each of `ids` exactly once.
 */
export function pagedReadCell(
	pageOf: Cell['unitOf'],
	ids: string[],
	idOf: ReadLedger['idOf'],
): CellShape {
	return {
		unitOf: pageOf,
		faultedUnit: 2,
		itemsOf: () => [0],
		ledger: { expectedIds: () => ids, idOf },
	};
}
