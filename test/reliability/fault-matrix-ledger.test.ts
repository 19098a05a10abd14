import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NodeRunResult } from '../harness';
import type { RecordedRequest, Simulator } from '../kit/simulator';
import type { Cell, ReadLedger, WriteLedger } from './fault-matrix/model';
import { observe } from './fault-matrix/run-cell';

/**
 * The matrix's two rules are only as good as the arithmetic behind them: each case here is a
 * run the node must never produce, and the rule that must catch it.
 */
function cell(ledger: ReadLedger | WriteLedger, input: IDataObject[]): Cell {
	return {
		simulator: {} as Simulator,
		parameters: {},
		input,
		run: async () => await Promise.reject(new Error('not run here')),
		unitOf: (request) => Number((request.body as IDataObject | undefined)?.item),
		faultedUnit: 1,
		itemsOf: (unit) => [unit],
		ledger,
	};
}

const output = (item: number, json: IDataObject = { ok: true }): INodeExecutionData => ({
	json,
	pairedItem: { item },
});
const ran = (items: INodeExecutionData[], error?: string) =>
	({ items, error: error ? { message: error } : undefined }) as unknown as NodeRunResult;
const log: RecordedRequest[] = [];
const three = [{}, {}, {}];
const applied = (counts: number[]): WriteLedger => ({ applied: (i) => counts[i] });

test('an item with neither an output nor an error item is lost', () => {
	const seen = observe(
		cell(applied([1, 1, 1]), three),
		'non-idempotent write',
		ran([output(0), output(2)]),
		log,
	);
	expect(seen.lost).toBe(1);
});

test('an item reported written that the vendor never carried out is lost', () => {
	const seen = observe(
		cell(applied([1, 0, 1]), three),
		'non-idempotent write',
		ran([output(0), output(1), output(2)]),
		log,
	);
	expect(seen.lost).toBe(1);
});

test('an item error for a write that did not happen is not lost: it is reported', () => {
	const seen = observe(
		cell(applied([1, 0, 1]), three),
		'non-idempotent write',
		ran([output(0), output(1, { error: 'may have been applied' }), output(2)]),
		log,
	);
	expect([seen.lost, seen.duplicated]).toEqual([0, 0]);
	expect(seen.itemErrors[1]).toMatch(/may have been applied/);
});

test('a non-idempotent write carried out twice is a duplicate; an idempotent one is not, if its state holds', () => {
	const outputs = ran([output(0), output(1), output(2)]);
	expect(
		observe(cell(applied([1, 2, 1]), three), 'non-idempotent write', outputs, log).duplicated,
	).toBe(1);
	const holds = { ...applied([1, 2, 1]), holds: () => true };
	expect(observe(cell(holds, three), 'idempotent write', outputs, log)).toMatchObject({
		duplicated: 0,
		lost: 0,
	});
	const broken = { ...applied([1, 2, 1]), holds: (i: number) => i !== 1 };
	expect(observe(cell(broken, three), 'idempotent write', outputs, log).lost).toBe(1);
});

test('a read that succeeded without a record is lost one; a record output twice is a duplicate', () => {
	const ledger: ReadLedger = { expectedIds: () => ['1', '2', '3'], idOf: (r) => String(r.id) };
	const seen = observe(
		cell(ledger, [{}]),
		'read',
		ran([output(0, { id: 1 }), output(0, { id: 2 }), output(0, { id: 2 })]),
		log,
	);
	expect(seen).toMatchObject({ lost: 1, duplicated: 1, records: { output: 2, expected: 3 } });
	// A read that failed visibly claimed nothing.
	expect(observe(cell(ledger, [{}]), 'read', ran([], 'RODEM returned 429'), log).lost).toBe(0);
});

test('sends count the faulted unit, later sends the units after it', () => {
	const request = (item: number) => ({ body: { item } }) as unknown as RecordedRequest;
	const seen = observe(cell(applied([1, 1, 1]), three), 'non-idempotent write', ran([]), [
		request(0),
		request(1),
		request(1),
		request(2),
	]);
	expect([seen.sends, seen.laterSends]).toEqual([2, 1]);
});
