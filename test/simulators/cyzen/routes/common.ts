import { invalidParameter } from '../errors';
import type { Params } from '../params';

/** The record a required id parameter names; a missing or unknown id is 400/40000 [proposed]. */
export function found<T>(map: Map<string, T>, params: Params, param: string): T {
	const record = map.get(params.required(param));
	if (record === undefined) invalidParameter(param);
	return record;
}

/** Same, for an id that must exist when given (undefined when absent, null when sent empty). */
export function reference<T>(
	map: Map<string, T>,
	params: Params,
	param: string,
): T | null | undefined {
	const id = params.string(param);
	if (id === undefined || id === '') return id === '' ? null : undefined;
	const record = map.get(id);
	if (record === undefined) invalidParameter(param);
	return record;
}

/** An optional text field: undefined when absent, null when sent empty [proposed], at most `max` chars. */
export function text(params: Params, name: string, max = 1000): string | null | undefined {
	const value = params.string(name);
	if (value === undefined || value === '') return value === '' ? null : undefined;
	if ([...value].length > max) invalidParameter(name);
	return value;
}

/** A required text field on create; on update a present one must not be empty. */
export function requiredText(params: Params, name: string, max = 1000): string {
	const value = params.required(name);
	if ([...value].length > max) invalidParameter(name);
	return value;
}

/** Copies the fields that were sent (not undefined) onto a record. */
export function assignSent<T extends object>(record: T, changes: { [K in keyof T]?: T[K] }): void {
	for (const [key, value] of Object.entries(changes)) {
		if (value !== undefined) (record as Record<string, unknown>)[key] = value;
	}
}

/** Rows whose fields equal every filter parameter that was sent. */
export function filterBy<T>(
	rows: Iterable<T>,
	params: Params,
	fields: Array<keyof T & string>,
): T[] {
	const wanted = fields.flatMap((field) => {
		const value = params.string(field);
		return value === undefined || value === '' ? [] : [[field, value] as const];
	});
	return [...rows].filter((row) => wanted.every(([field, value]) => String(row[field]) === value));
}

/** A text field that may be left out on update but not sent empty. */
export function changedText(params: Params, name: string, max: number): string | undefined {
	return params.has(name) ? requiredText(params, name, max) : undefined;
}
