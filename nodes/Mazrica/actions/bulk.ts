import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { vendorRequest, vendorResponseOf } from '@japan-saas/shared/transport';

import type { EndpointSpec, FieldSpec } from '../endpoints/schema';
import { mazricaConnection } from '../transport/profile';
import { buildRequest } from './build-request';
import { bulkFieldName } from './bulk-names';
import { fieldSchema, isEmpty } from './encode-field';

/** One input item on its way through a bulk endpoint. */
interface BulkRow {
	itemIndex: number;
	record: IDataObject;
}

type RowOutcome = { json: IDataObject } | { error: NodeApiError | NodeOperationError };

/** The value a bulk-level field takes for one record: set on the node, else read off the record. */
function groupValue(
	context: IExecuteFunctions,
	field: FieldSpec,
	row: BulkRow,
): string | number | undefined {
	const set = context.getNodeParameter(bulkFieldName(field), row.itemIndex, '') as unknown;
	if (!isEmpty(set) && set !== 0) {
		const parsed = fieldSchema(field, 'UTC').safeParse(set);
		if (parsed.success) return parsed.data as string | number;
		throw new NodeOperationError(context.getNode(), `"${field.displayName}" is not a valid ID`, {
			itemIndex: row.itemIndex,
		});
	}
	// Each deal carries its deal type; a batch must not mix them, so rows are grouped by it.
	if (/deal_?type_?id/i.test(field.name)) {
		const dealType = row.record.dealType as { id?: number } | undefined;
		if (dealType?.id !== undefined) return dealType.id;
	}
	return undefined;
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
 * Sends items through a Mazrica bulk endpoint: validated first (bad rows fail alone, unsent),
 * grouped by the batch-level fields, cut into chunks of the endpoint's maximum. A bulk request is
 * all-or-nothing, so a chunk answered 400 wrote nothing: the rows the vendor names are failed and
 * the rest sent again, and when the vendor names none the chunk is halved until each bad row
 * stands alone. Every good row is written exactly once. Any other failure (a lost connection,
 * a 5xx, an exhausted rate limit) fails the whole chunk, which is never re-sent.
 */
export async function executeBulk(
	this: IExecuteFunctions,
	single: EndpointSpec,
	bulk: EndpointSpec,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const spec = bulk.bulkOf;
	if (!spec) throw new NodeOperationError(this.getNode(), `${bulk.path} is not a bulk endpoint`);
	const outcomes = new Map<number, RowOutcome>();
	const groups = new Map<string, { values: Record<string, string | number>; rows: BulkRow[] }>();
	const groupFields = [...(bulk.pathParams ?? []), ...(bulk.body ?? [])];

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const built = buildRequest(this, single, itemIndex);
			const record: IDataObject = { ...built.body };
			// Bulk rows carry what the single endpoint took from its path: the record id on updates,
			// the parent as a related object on actions, e.g. customerId → customer: { id }
			// ([proposed]: the reference collapses row shapes; related objects are { id } elsewhere).
			for (const [name, value] of Object.entries(built.pathValues)) {
				if (name === 'id') {
					if (single.method === 'PATCH') record.id = value;
				} else if (!(bulk.pathParams ?? []).some((p) => p.name === name)) {
					const parent = /^(\w+)Id$/.exec(name)?.[1];
					record[parent ?? name] = parent ? { id: value } : value;
				}
			}
			const row = { itemIndex, record };
			const values: Record<string, string | number> = {};
			for (const field of groupFields) {
				const value = built.pathValues[field.name] ?? groupValue(this, field, row);
				if (value === undefined) {
					throw new NodeOperationError(
						this.getNode(),
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
		} catch (error) {
			outcomes.set(itemIndex, { error: error as NodeOperationError });
		}
	}

	const options = readRequestOptions(this, 0);
	const send = async (values: Record<string, string | number>, rows: BulkRow[]): Promise<void> => {
		const path = bulk.path.replace(/\{(\w+)\}/g, (_, name: string) =>
			encodeURIComponent(String(values[name])),
		);
		const body: IDataObject = { [spec.listKey]: rows.map((row) => row.record) };
		for (const field of bulk.body ?? []) body[field.name] = values[field.name];
		try {
			const ids = (await vendorRequest.call(
				this,
				mazricaConnection,
				{ method: bulk.method, path, body },
				options,
			)) as unknown;
			rows.forEach((row, k) => {
				const id = Array.isArray(ids) ? (ids[k] as IDataObject[keyof IDataObject]) : undefined;
				outcomes.set(row.itemIndex, {
					json: { ...row.record, ...(id !== undefined ? { id } : {}) },
				});
			});
		} catch (error) {
			const { status, body: answer } = vendorResponseOf(error);
			if (status !== 400) {
				for (const row of rows) outcomes.set(row.itemIndex, { error: error as NodeApiError });
				return;
			}
			if (rows.length === 1) {
				outcomes.set(rows[0].itemIndex, { error: error as NodeApiError });
				return;
			}
			const blamed = blamedRows(answer, rows.length);
			if (blamed.size > 0 && blamed.size < rows.length) {
				rows.forEach((row, k) => {
					const reason = blamed.get(k);
					if (reason === undefined) return;
					outcomes.set(row.itemIndex, {
						error: new NodeApiError(this.getNode(), { message: reason } as JsonObject, {
							message: `Mazrica rejected this row of the bulk request: ${reason}`,
							description: `Row ${k} of ${bulk.method} ${bulk.path}; the other rows were sent again without it.`,
							httpCode: '400',
							itemIndex: row.itemIndex,
						}),
					});
				});
				await send(
					values,
					rows.filter((_, k) => !blamed.has(k)),
				);
				return;
			}
			const half = Math.ceil(rows.length / 2);
			await send(values, rows.slice(0, half));
			await send(values, rows.slice(half));
		}
	};

	for (const { values, rows } of groups.values()) {
		for (let start = 0; start < rows.length; start += spec.maxItems) {
			await send(values, rows.slice(start, start + spec.maxItems));
		}
	}

	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const outcome = outcomes.get(itemIndex) as RowOutcome;
		if ('json' in outcome) {
			out.push({ json: outcome.json, pairedItem: { item: itemIndex } });
			continue;
		}
		if (!this.continueOnFail()) {
			outcome.error.context.itemIndex = itemIndex;
			const written = [...outcomes.values()].filter((o) => 'json' in o).length;
			outcome.error.description =
				`${outcome.error.description ?? ''} ${written} other item(s) were written; turn on "Continue On Fail" to get one result per item.`.trim();
			if (outcome.error instanceof NodeApiError)
				throw new NodeApiError(this.getNode(), outcome.error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), outcome.error);
		}
		out.push({
			json: { error: outcome.error.message, description: outcome.error.description ?? null },
			pairedItem: { item: itemIndex },
		});
	}
	return out;
}
