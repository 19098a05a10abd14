import type { SimRequest, SimResponse } from '../../../kit/simulator';
import { BULK_FAILED_MESSAGE, BULK_LIMIT, badRequest, fail, notFound } from '../errors';
import { isObject, Issues, Reader, type Json } from '../fields';

/** An integer path id; anything else cannot name a record, so 404 [proposed]. */
export function idOf(req: SimRequest, param: string, label: string): number {
	const raw = req.params[param];
	if (!/^\d+$/.test(raw ?? '')) notFound(`${label} ${raw} not found`);
	return Number(raw);
}

export function found<T>(value: T | undefined, label: string, id: number | string): T {
	if (value === undefined) notFound(`${label} ${id} not found`);
	return value;
}

export function ok(body?: unknown): SimResponse {
	return { status: 200, body };
}

export function created(body?: unknown): SimResponse {
	return { status: 201, body };
}

/**
 * The rows of a bulk body `{ "<wrapper>": [ … ] }` (§6). More than 1,000 rows is a 400 (vendor
 * doc); a missing or empty list is a 400 too [proposed].
 */
export function bulkRows(body: Json, wrapper: string): unknown[] {
	const rows = body[wrapper];
	if (rows === undefined || rows === null) badRequest(`${wrapper} is required`);
	if (!Array.isArray(rows)) badRequest(`${wrapper} must be an array`);
	if (rows.length === 0) badRequest(`${wrapper} must not be empty`);
	if (rows.length > BULK_LIMIT)
		badRequest(`${wrapper}: at most ${BULK_LIMIT} records per request, got ${rows.length}`);
	return rows;
}

/**
 * Validates every row before anything is written (all-or-nothing, vendor doc). Any bad row →
 * 400 `{ error, messages, bulkErrors: [{ index, messages }] }` listing every bad row [proposed shape].
 */
export function validateRows<P>(
	rows: unknown[],
	validate: (reader: Reader, index: number) => P | undefined,
): P[] {
	const prepared: P[] = [];
	const bulkErrors: Array<{ index: number; messages: string[] }> = [];
	rows.forEach((row, index) => {
		const issues = new Issues();
		if (!isObject(row)) {
			bulkErrors.push({ index, messages: ['record must be a JSON object'] });
			return;
		}
		const result = validate(new Reader(row, issues), index);
		if (!issues.empty || result === undefined) {
			bulkErrors.push({ index, messages: issues.empty ? ['invalid record'] : issues.messages });
			return;
		}
		prepared.push(result);
	});
	if (bulkErrors.length) fail(400, 'Bad Request', [BULK_FAILED_MESSAGE], { bulkErrors });
	return prepared;
}
