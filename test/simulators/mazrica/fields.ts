import type { SimRequest } from '../../kit/simulator';
import { badRequest } from './errors';
import { isDate, parseDateTime } from './time';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON body of a POST/PATCH. Bodies are `application/json` (§3); [proposed] anything else with
 * a non-empty body is refused with 400, so a client that forgets the content type is caught.
 * An empty body reads as `{}`.
 */
export function jsonBody(req: SimRequest): Json {
	if (req.rawBody.trim() === '') return {};
	const type = String(req.headers['content-type'] ?? '');
	if (!type.toLowerCase().includes('application/json')) {
		badRequest('Content-Type must be application/json');
	}
	if (typeof req.body === 'string') badRequest('request body is not valid JSON');
	if (!isObject(req.body)) badRequest('request body must be a JSON object');
	return req.body;
}

/** Collects every problem of one record so a 400 (or a bulk row) can list them all. */
export class Issues {
	readonly messages: string[] = [];

	add(message: string): void {
		this.messages.push(message);
	}

	get empty(): boolean {
		return this.messages.length === 0;
	}

	throwIfAny(): void {
		if (!this.empty) badRequest(...this.messages);
	}
}

interface Presence {
	required?: boolean;
	nullable?: boolean;
}

/** Typed reads of body fields; each problem is recorded with the field's name. */
export class Reader {
	constructor(
		readonly body: Json,
		readonly issues: Issues = new Issues(),
	) {}

	has(key: string): boolean {
		return this.body[key] !== undefined;
	}

	private absent(key: string, opts: Presence): boolean {
		const value = this.body[key];
		if (value === undefined || (value === null && !opts.nullable)) {
			if (opts.required) this.issues.add(`${key} is required`);
			else if (value === null) this.issues.add(`${key} must not be null`);
			return true;
		}
		return false;
	}

	string(key: string, opts: Presence & { nonEmpty?: boolean } = {}): string | null | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (value === null) return null;
		if (typeof value !== 'string') {
			this.issues.add(`${key} must be a string`);
			return undefined;
		}
		if ((opts.nonEmpty || opts.required) && value.trim() === '') {
			this.issues.add(`${key} must not be empty`);
			return undefined;
		}
		return value;
	}

	integer(
		key: string,
		opts: Presence & { min?: number; max?: number } = {},
	): number | null | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (value === null) return null;
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			this.issues.add(`${key} must be an integer`);
			return undefined;
		}
		if (
			(opts.min !== undefined && value < opts.min) ||
			(opts.max !== undefined && value > opts.max)
		) {
			this.issues.add(`${key} must be between ${opts.min ?? '-∞'} and ${opts.max ?? '∞'}`);
			return undefined;
		}
		return value;
	}

	boolean(key: string, opts: Presence = {}): boolean | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (typeof value !== 'boolean') {
			this.issues.add(`${key} must be a boolean`);
			return undefined;
		}
		return value;
	}

	/** A related object written as `{ "id": <int> }` (§3). */
	ref(key: string, opts: Presence = {}): number | null | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (value === null) return null;
		const id = isObject(value) ? value.id : undefined;
		if (typeof id !== 'number' || !Number.isInteger(id)) {
			this.issues.add(`${key} must be an object with an integer id, e.g. {"id": 1}`);
			return undefined;
		}
		return id;
	}

	/** A list of related objects `[{ "id": <int> }, …]`. */
	refs(key: string): number[] | undefined {
		const list = this.array(key);
		if (list === undefined) return undefined;
		const ids: number[] = [];
		for (const [i, item] of list.entries()) {
			const id = isObject(item) ? item.id : undefined;
			if (typeof id !== 'number' || !Number.isInteger(id)) {
				this.issues.add(`${key}[${i}] must be an object with an integer id`);
				return undefined;
			}
			ids.push(id);
		}
		return ids;
	}

	integers(key: string, opts: Presence = {}): number[] | null | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (value === null) return null;
		if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isInteger(v))) {
			this.issues.add(`${key} must be an array of integers`);
			return undefined;
		}
		return value as number[];
	}

	array(key: string, opts: Presence = {}): unknown[] | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (!Array.isArray(value)) {
			this.issues.add(`${key} must be an array`);
			return undefined;
		}
		return value;
	}

	dateTime(key: string, opts: Presence = {}): number | null | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (value === null) return null;
		const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
		if (ms === undefined) {
			this.issues.add(`${key} must be an ISO 8601 date-time, e.g. 2018-04-01T10:30:00+09:00`);
			return undefined;
		}
		return ms;
	}

	date(key: string, opts: Presence = {}): string | undefined {
		if (this.absent(key, opts)) return undefined;
		const value = this.body[key];
		if (!isDate(value)) {
			this.issues.add(`${key} must be a date YYYY-MM-DD`);
			return undefined;
		}
		return value;
	}
}
