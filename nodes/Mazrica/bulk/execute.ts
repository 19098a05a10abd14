import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parameterName, type EndpointEngine } from '@japan-saas/shared/engine';
import { vendorResponseOf } from '@japan-saas/shared/transport';

import type { FieldSpec, MazricaEndpoint } from '../endpoints/schema';
import { mazricaProfile } from '../transport/profile';
import { BulkLedger, itemRanges } from './ledger';

type Engine = EndpointEngine<MazricaEndpoint>;

/** Bulk-only fields (e.g. the deal type of the batch) are named apart from the single operation's. */
export const bulkFieldName = (field: FieldSpec) => `bulk_${parameterName(field)}`;

/** One input item on its way through a bulk endpoint. */
interface BulkRow {
	itemIndex: number;
	record: IDataObject;
}

/** Rows that share the bulk endpoint's own fields (e.g. one deal type) and so one request. */
interface BulkGroup {
	values: Record<string, string | number>;
	rows: BulkRow[];
}

const VENDOR = mazricaProfile.displayName;

/** The value a bulk-level field takes for one record: set on the node, else read off the record. */
function groupValue(
	context: IExecuteFunctions,
	engine: Engine,
	bulk: MazricaEndpoint,
	field: FieldSpec,
	row: BulkRow,
): string | number | undefined {
	const set = context.getNodeParameter(bulkFieldName(field), row.itemIndex, '') as unknown;
	const chosen = engine.encode(context, field, set, row.itemIndex);
	if (chosen !== undefined) return chosen as string | number;
	// e.g. each deal carries its deal type; a batch must not mix them, so rows are grouped by it.
	const rowKey = bulk.bulkOf?.fromRow?.[field.name];
	const related = rowKey ? (row.record[rowKey] as { id?: number } | undefined) : undefined;
	return related?.id;
}

/** Row numbers the vendor blamed, from `bulkErrors: [{ index, messages }]` ([proposed] inner shape). */
function blamedRows(body: unknown, size: number): Map<number, string> {
	const blamed = new Map<number, string>();
	const list = (body as { bulkErrors?: unknown })?.bulkErrors;
	if (!Array.isArray(list)) return blamed;
	for (const entry of list as Array<{ index?: unknown; messages?: unknown }>) {
		const index = Number(entry?.index);
		if (!Number.isInteger(index) || index < 0 || index >= size) return new Map();
		const messages = Array.isArray(entry.messages) ? entry.messages.join(' / ') : 'rejected';
		blamed.set(index, messages);
	}
	return blamed;
}

/**
 * Whether a failed chunk can have been written. A bulk request is all-or-nothing: a 4xx (400
 * naming bad rows, 401/403/404, 429) or a 503 means nothing was saved; a lost answer or another
 * 5xx leaves it unknown. vendorRequest throws a NodeOperationError only before anything is sent.
 */
function mayHaveBeenWritten(error: unknown, status: number | undefined): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (status === undefined) return true;
	return status >= 500 && status !== 503;
}

/**
 * Validates every item and groups the records by the bulk endpoint's own fields. Without
 * Continue On Fail the first bad item stops the node here, before any request; with it, a bad
 * item is failed alone and the others go on.
 */
function groupRows(
	context: IExecuteFunctions,
	engine: Engine,
	single: MazricaEndpoint,
	bulk: MazricaEndpoint,
	ledger: BulkLedger,
	stopOnFailure: boolean,
): BulkGroup[] {
	const groups = new Map<string, BulkGroup>();
	const groupFields = [...(bulk.pathParams ?? []), ...(bulk.body ?? [])];
	const place = (itemIndex: number) => {
		const built = engine.buildRequest(context, single, itemIndex);
		const record: IDataObject = { ...built.body };
		// Bulk rows carry what the single endpoint took from its path: the record id on updates,
		// the parent on actions (e.g. customerId → customer: { id }).
		for (const { path, as, reference } of bulk.bulkOf?.carry ?? []) {
			const value = built.pathValues[path];
			if (value !== undefined) record[as] = reference ? { id: value } : value;
		}
		const row = { itemIndex, record };
		const values: Record<string, string | number> = {};
		for (const field of groupFields) {
			const value = built.pathValues[field.name] ?? groupValue(context, engine, bulk, field, row);
			if (value === undefined) {
				throw new NodeOperationError(
					context.getNode(),
					`"${field.displayName}" is required for the bulk endpoint`,
					{
						itemIndex,
						description: `Set it under "${field.displayName}" or give each item the field it is read from.`,
					},
				);
			}
			values[field.name] = value;
		}
		const key = JSON.stringify(values);
		const group = groups.get(key) ?? { values, rows: [] };
		group.rows.push(row);
		groups.set(key, group);
	};
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		if (stopOnFailure) {
			place(itemIndex);
			continue;
		}
		try {
			place(itemIndex);
		} catch (error) {
			ledger.notWritten(itemIndex, error as NodeOperationError);
		}
	}
	return [...groups.values()];
}

/**
 * Sends items through a Mazrica bulk endpoint, grouped by the batch-level fields and cut into
 * chunks of the endpoint's maximum. A bulk request is all-or-nothing. Nothing is ever sent twice:
 *
 * - Continue On Fail off: every item is validated before the first request (a bad one stops the
 *   node with nothing sent). The first chunk that fails stops the node at once; the error names
 *   the items written before it, the ones that may have been written (answer lost) and the ones
 *   not written, because a re-run (or n8n's Retry On Fail) would re-send the written ones.
 * - Continue On Fail on: every item gets its own output item. A chunk answered 400 wrote
 *   nothing: the rows the vendor names are failed and the rest sent again; when it names none
 *   the chunk is halved until each bad row stands alone. Any other failure fails the chunk's
 *   rows, saying whether they may have been written; they are never re-sent.
 */
export async function executeBulk(
	context: IExecuteFunctions,
	engine: Engine,
	single: MazricaEndpoint,
	bulk: MazricaEndpoint,
): Promise<INodeExecutionData[]> {
	const spec = bulk.bulkOf;
	if (!spec) throw new NodeOperationError(context.getNode(), `${bulk.path} is not a bulk endpoint`);
	const stopOnFailure = !context.continueOnFail();
	const ledger = new BulkLedger(VENDOR, context.getInputData().length);
	const groups = groupRows(context, engine, single, bulk, ledger, stopOnFailure);
	const options = engine.config.callOptions(context, 0);

	const post = async (values: Record<string, string | number>, rows: BulkRow[]) => {
		const path = bulk.path.replace(/\{(\w+)\}/g, (_, name: string) =>
			encodeURIComponent(String(values[name])),
		);
		const body: IDataObject = { [spec.listKey]: rows.map((row) => row.record) };
		for (const field of bulk.body ?? []) body[field.name] = values[field.name];
		const ids = await engine.send(context, bulk, { method: bulk.method, path, body }, options);
		rows.forEach((row, k) => {
			const id = Array.isArray(ids) ? (ids[k] as IDataObject[keyof IDataObject]) : undefined;
			ledger.written(row.itemIndex, { ...row.record, ...(id !== undefined ? { id } : {}) });
		});
	};

	/** A failed chunk's rows: possibly written, or certainly not. */
	const fail = (rows: BulkRow[], error: unknown, status: number | undefined) => {
		if (mayHaveBeenWritten(error, status)) {
			ledger.unknown(
				rows.map((row) => row.itemIndex),
				error as NodeApiError,
				status,
			);
		} else {
			for (const row of rows) ledger.notWritten(row.itemIndex, error as NodeApiError);
		}
	};

	const rowError = (row: BulkRow, k: number, reason: string, description: string) =>
		new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
			message: `${VENDOR} rejected ${stopOnFailure ? `item ${row.itemIndex}` : 'this row'} of the bulk request: ${reason}`,
			description: `Row ${k} of ${bulk.method} ${bulk.path}. ${description}`,
			httpCode: '400',
			itemIndex: row.itemIndex,
		});

	/** Continue On Fail off: the first failure stops the node, saying where the run stands. */
	const sendOrStop = async (values: Record<string, string | number>, rows: BulkRow[]) => {
		try {
			await post(values, rows);
		} catch (error) {
			const { status, body } = vendorResponseOf(error);
			fail(rows, error, status);
			const blamed = status === 400 ? blamedRows(body, rows.length) : new Map<number, string>();
			const [first] = [...blamed.entries()];
			if (first) {
				const others = [...blamed.keys()].slice(1).map((k) => rows[k].itemIndex);
				const stop = rowError(
					rows[first[0]],
					first[0],
					first[1],
					others.length ? `Also rejected: items ${itemRanges(others)}.` : '',
				);
				stop.description = `${ledger.summary(status)} ${stop.description ?? ''}`.trim();
				throw stop;
			}
			const stop = error as NodeApiError | NodeOperationError;
			const unnamed =
				status === 400
					? ` ${VENDOR} named no rows; with Continue On Fail on, the node splits the chunk to find them.`
					: '';
			stop.description = `${ledger.summary(status)}${unnamed} ${stop.description ?? ''}`.trim();
			stop.context.itemIndex = rows[0].itemIndex;
			throw stop;
		}
	};

	/** Continue On Fail on: isolate the rows a 400 is about, write every other row once. */
	const sendIsolating = async (
		values: Record<string, string | number>,
		rows: BulkRow[],
	): Promise<void> => {
		try {
			await post(values, rows);
		} catch (error) {
			const { status, body } = vendorResponseOf(error);
			if (status !== 400 || rows.length === 1) {
				fail(rows, error, status);
				return;
			}
			const blamed = blamedRows(body, rows.length);
			if (blamed.size > 0 && blamed.size < rows.length) {
				rows.forEach((row, k) => {
					const reason = blamed.get(k);
					if (reason === undefined) return;
					ledger.notWritten(
						row.itemIndex,
						rowError(row, k, reason, 'The other rows were sent again without it.'),
					);
				});
				await sendIsolating(
					values,
					rows.filter((_, k) => !blamed.has(k)),
				);
				return;
			}
			const half = Math.ceil(rows.length / 2);
			await sendIsolating(values, rows.slice(0, half));
			await sendIsolating(values, rows.slice(half));
		}
	};

	for (const { values, rows } of groups) {
		for (let start = 0; start < rows.length; start += spec.maxItems) {
			const chunk = rows.slice(start, start + spec.maxItems);
			if (stopOnFailure) await sendOrStop(values, chunk);
			else await sendIsolating(values, chunk);
		}
	}
	return ledger.output();
}
