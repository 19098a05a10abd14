import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';
import { vendorResponseOf } from '@japan-saas/shared/transport';

import { processCodeOf, readAnswer } from '../../transport/answer';
import { endpointPathOption, satoriRequest } from '../../transport/request';
import { customerRecord } from '../customer/fields';
import type { IdentityType } from '../common';
import { csvColumns, toCsv } from './csv';

/** Data rows SATORI accepts per CSV upload. */
export const BULK_MAX_ROWS = 10_000;

/** Longest pause between two status reads while waiting. */
const MAX_POLL_INTERVAL_MS = 60_000;

export const waitForCompletionProperty: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: false,
	description:
		'Whether to wait until SATORI has processed the upload and report every input item as written or rejected. Off: one item per uploaded CSV (10,000 rows each) with its process code.',
};

export const bulkWaitOptions: INodeProperties[] = [
	{
		displayName: 'Failed Row Numbering',
		name: 'failedRowNumbering',
		type: 'options',
		options: [
			{
				name: 'Data Rows From 1',
				value: 'dataRows',
				description: 'Row 1 is the first customer',
			},
			{
				name: 'File Lines (Header Is Row 1)',
				value: 'fileLines',
				description: 'Row 2 is the first customer',
			},
		],
		default: 'dataRows',
		description:
			"How SATORI's failed_rows count rows, to map them back to input items. SATORI does not say; data rows from 1 is our reading [proposed].",
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1800,
		description:
			'Give up waiting after this long (public SATORI clients wait 30 minutes); the rows may still be written later',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'First pause before reading the job status; each later pause is 1.5 times longer, up to a minute',
	},
];

interface BulkRow {
	itemIndex: number;
	items: Record<string, string>;
}

type RowError = NodeApiError | NodeOperationError;

interface Chunk {
	rows: BulkRow[];
	processCode?: string;
	answer?: { status?: number; message?: string };
}

interface WaitSettings {
	pollMs: number;
	waitMs: number;
	deadline: number;
	numbering: 'dataRows' | 'fileLines';
}

type JobResult = { failedRows: Array<{ rowNumber: number; message: string }> } | { error: RowError };

/**
 * カスタマーバルクAPI: the input items become UTF-8 CSV uploads of at most 10,000 rows
 * (multipart part `customer_csv_file`). Every item is checked first: with Continue On Fail off a
 * bad item stops the node before anything is sent; with it on the bad items get their own error
 * and the rest are uploaded once. An upload is never sent twice: if its answer is lost its rows
 * are reported as unknown. With Wait for Completion the jobs are polled until finished and
 * SATORI's failed_rows are mapped back to the input items that produced them.
 */
export async function executeBulk(
	this: IExecuteFunctions,
	endpoint: 'bulkRegistration' | 'bulkUpsert',
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const routeRequired = endpoint === 'bulkRegistration';
	const identityType = this.getNodeParameter('identityType', 0) as IdentityType;
	const rowErrors = new Map<number, RowError>();
	const processCodes = new Map<number, string>();
	const rows: BulkRow[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			rows.push({ itemIndex, items: customerRecord(this, itemIndex, routeRequired).items });
		} catch (error) {
			if (!this.continueOnFail()) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			rowErrors.set(itemIndex, error as RowError);
		}
	}

	const chunks: Chunk[] = [];
	for (let start = 0; start < rows.length; start += BULK_MAX_ROWS) {
		chunks.push({ rows: rows.slice(start, start + BULK_MAX_ROWS) });
	}
	const path = endpointPathOption(this, 0);
	for (const chunk of chunks) {
		const error = await submit(this, endpoint, identityType, chunk, path);
		if (error) for (const row of chunk.rows) rowErrors.set(row.itemIndex, error);
	}

	const wait = this.getNodeParameter('waitForCompletion', 0, false) as boolean;
	const submitted = chunks.filter((chunk) => chunk.processCode !== undefined);
	const out: Array<{ at: number; item: INodeExecutionData }> = [];
	if (!wait) {
		for (const chunk of submitted) {
			out.push({
				at: chunk.rows[0].itemIndex,
				item: {
					json: {
						process_code: chunk.processCode,
						identity_type: identityType,
						rows: chunk.rows.length,
						status: chunk.answer?.status ?? null,
						...(chunk.answer?.message !== undefined ? { message: chunk.answer.message } : {}),
					},
					pairedItem: chunk.rows.map((row) => ({ item: row.itemIndex })),
				},
			});
		}
	} else {
		const settings = waitSettings(this);
		for (const chunk of submitted) {
			const code = chunk.processCode as string;
			const result = await waitForJob(this, code, settings);
			for (const row of chunk.rows) processCodes.set(row.itemIndex, code);
			if ('error' in result) {
				for (const row of chunk.rows) rowErrors.set(row.itemIndex, result.error);
				continue;
			}
			const failed = failedRowsByIndex(this, chunk, code, result.failedRows, settings.numbering);
			chunk.rows.forEach((row, k) => {
				const rejection = failed.get(k);
				if (rejection) {
					rowErrors.set(row.itemIndex, rejection);
					return;
				}
				out.push({
					at: row.itemIndex,
					item: {
						json: {
							identity_type: identityType,
							...row.items,
							process_code: code,
							process_status: 'finished',
						},
						pairedItem: { item: row.itemIndex },
					},
				});
			});
		}
	}

	if (rowErrors.size > 0 && !this.continueOnFail()) {
		const [itemIndex, error] = [...rowErrors.entries()].sort(([a], [b]) => a - b)[0];
		error.context.itemIndex = itemIndex;
		const fine = rows.length - rowErrors.size;
		const verb = wait ? 'were written' : 'were uploaded';
		error.description =
			`${error.description ?? ''} ${fine} other item(s) ${verb}; turn on "Continue On Fail" to get one result per item.`.trim();
		throw error;
	}
	for (const [itemIndex, error] of rowErrors) {
		const code = processCodes.get(itemIndex);
		out.push({
			at: itemIndex,
			item: {
				json: {
					error: error.message,
					description: error.description ?? null,
					...(code ? { process_code: code } : {}),
				},
				pairedItem: { item: itemIndex },
			},
		});
	}
	return out.sort((a, b) => a.at - b.at).map((entry) => entry.item);
}

/** Uploads one chunk; returns the error its rows get if SATORI did not take it. */
async function submit(
	context: IExecuteFunctions,
	endpoint: 'bulkRegistration' | 'bulkUpsert',
	identityType: IdentityType,
	chunk: Chunk,
	path: string | undefined,
): Promise<RowError | undefined> {
	const records = chunk.rows.map((row) => row.items);
	const first = chunk.rows[0].itemIndex;
	const last = chunk.rows[chunk.rows.length - 1].itemIndex;
	const which = `input items ${first}–${last} (one CSV upload)`;
	let response: unknown;
	try {
		response = await satoriRequest(
			context,
			endpoint,
			{
				multipart: {
					identity_type: identityType,
					customer_csv_file: {
						filename: 'customers.csv',
						contentType: 'text/csv',
						content: toCsv(csvColumns(identityType, records), records),
					},
				},
				path,
			},
			readRequestOptions(context, first),
		);
	} catch (error) {
		const apiError = error as NodeApiError;
		const { status } = vendorResponseOf(error);
		const lost =
			status === undefined || status >= 500
				? ' SATORI may have received the upload: it was not sent again. Check SATORI before re-running these items.'
				: ' SATORI refused the upload; nothing was written.';
		apiError.description = `${apiError.description ?? ''} Affects ${which}.${lost}`.trim();
		return apiError;
	}
	const code = processCodeOf(response);
	if (code === undefined) {
		return new NodeApiError(context.getNode(), (response ?? {}) as JsonObject, {
			message: 'SATORI accepted the bulk upload but its answer has no process_code',
			description: `Affects ${which}. The rows may be processed; check SATORI before re-running them.`,
		});
	}
	const { status, message } = readAnswer(response);
	chunk.processCode = code;
	chunk.answer = { status, message };
	return undefined;
}

function waitSettings(context: IExecuteFunctions): WaitSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const pollSeconds = Math.max(1, Number(options.pollIntervalSeconds ?? 5) || 5);
	const waitSeconds = Math.max(1, Number(options.maxWaitSeconds ?? 1800) || 1800);
	return {
		pollMs: pollSeconds * 1000,
		waitMs: waitSeconds * 1000,
		deadline: Date.now() + waitSeconds * 1000,
		numbering: options.failedRowNumbering === 'fileLines' ? 'fileLines' : 'dataRows',
	};
}

/** Reads `status.json` with a growing pause until the job is finished or the wait is up. */
async function waitForJob(
	context: IExecuteFunctions,
	code: string,
	settings: WaitSettings,
): Promise<JobResult> {
	const signal = context.getExecutionCancelSignal?.();
	let pause = settings.pollMs;
	for (;;) {
		const remaining = settings.deadline - Date.now();
		if (remaining <= 0) {
			return {
				error: new NodeOperationError(
					context.getNode(),
					`SATORI bulk job ${code} did not finish within ${Math.round(settings.waitMs / 1000)} seconds (Max Wait)`,
					{
						description: `Its rows were uploaded and may still be written. Check it later with Customer (Bulk) → Get Status, process code ${code}.`,
					},
				),
			};
		}
		// The last read falls on the deadline itself.
		await sleep(Math.min(pause, remaining), signal);
		if (signal?.aborted) {
			return {
				error: new NodeOperationError(context.getNode(), `Stopped while waiting for SATORI bulk job ${code}`, {
					description: `The rows were uploaded; check process code ${code} with Customer (Bulk) → Get Status.`,
				}),
			};
		}
		pause = Math.min(pause * 1.5, MAX_POLL_INTERVAL_MS);
		let response: unknown;
		try {
			response = await satoriRequest(context, 'bulkStatus', { qs: { process_code: code } }, readRequestOptions(context, 0));
		} catch (error) {
			const { status } = vendorResponseOf(error);
			// A server or network failure while waiting says nothing about the job: read again.
			if (status === undefined || status >= 500) continue;
			const apiError = error as NodeApiError;
			apiError.description = `${apiError.description ?? ''} The rows were uploaded as process code ${code}; whether they were written is unknown.`.trim();
			return { error: apiError };
		}
		const { payload } = readAnswer(response);
		if (payload.process_status !== 'finished') continue;
		return { failedRows: failedRowsOf(payload.failed_rows) };
	}
}

/** `failed_rows: [{ row_number, message }]`, tolerating a missing or odd list. */
export function failedRowsOf(value: unknown): Array<{ rowNumber: number; message: string }> {
	if (!Array.isArray(value)) return [];
	return value.map((entry) => {
		const row = (entry ?? {}) as IDataObject;
		return {
			rowNumber: Number(row.row_number),
			message: typeof row.message === 'string' ? row.message : JSON.stringify(row.message ?? ''),
		};
	});
}

/** Failed rows by position in the chunk; if one cannot be placed, every row of the chunk is in doubt. */
function failedRowsByIndex(
	context: IExecuteFunctions,
	chunk: Chunk,
	code: string,
	failedRows: Array<{ rowNumber: number; message: string }>,
	numbering: WaitSettings['numbering'],
): Map<number, RowError> {
	const firstDataRow = numbering === 'fileLines' ? 2 : 1;
	const byIndex = new Map<number, RowError>();
	const misplaced = failedRows.find(
		({ rowNumber }) =>
			!Number.isInteger(rowNumber) ||
			rowNumber < firstDataRow ||
			rowNumber - firstDataRow >= chunk.rows.length,
	);
	if (misplaced) {
		const doubt = new NodeOperationError(
			context.getNode(),
			`SATORI reported failed row ${misplaced.rowNumber} for bulk job ${code}, which has ${chunk.rows.length} rows`,
			{
				description: `The failed rows cannot be matched to input items, so none of this job's items is reported as written. Check "Failed Row Numbering" and the job with Customer (Bulk) → Get Status, process code ${code}.`,
			},
		);
		chunk.rows.forEach((_, k) => byIndex.set(k, doubt));
		return byIndex;
	}
	for (const { rowNumber, message } of failedRows) {
		const k = rowNumber - firstDataRow;
		byIndex.set(
			k,
			new NodeApiError(context.getNode(), { message } as JsonObject, {
				message: `SATORI rejected row ${rowNumber} of bulk job ${code}: ${message}`,
				description: 'The other rows of this job were written.',
				itemIndex: chunk.rows[k].itemIndex,
			}),
		);
	}
	return byIndex;
}
