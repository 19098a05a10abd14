import type { SimRequest } from '../../kit/simulator';
import { invalidParameter } from './errors';
import { formatUtc, parseUtc, type UtcText } from './time';

/** What a form or query field may hold: one value, or several when the field repeats. */
export type FieldValue = string | string[];

/**
 * The parameters of one request, read the way cyzen takes them (spec §4): GET and DELETE from the
 * query string; POST and PUT from the `application/x-www-form-urlencoded` body, with the query
 * string as a fallback (`company_id` may sit in either, spec §12.1). A bad value is a 400/40000
 * naming the parameter.
 */
export class Params {
	private constructor(
		private readonly values: Map<string, string[]>,
		private readonly bodyKeys: Set<string>,
	) {}

	static of(req: SimRequest): Params {
		const values = new Map<string, string[]>();
		const bodyKeys = new Set<string>();
		for (const [key, value] of req.query) values.set(key, [...(values.get(key) ?? []), value]);
		if ((req.method === 'POST' || req.method === 'PUT') && isFormBody(req)) {
			for (const [key, value] of Object.entries(req.body)) {
				values.set(key, Array.isArray(value) ? value : [value]);
				bodyKeys.add(key);
			}
		}
		return new Params(values, bodyKeys);
	}

	has(name: string): boolean {
		return this.values.has(name);
	}

	/** Whether the field came in the form body (not only in the query string). */
	inBody(name: string): boolean {
		return this.bodyKeys.has(name);
	}

	/** The first value, `''` included (an empty field clears an optional value [proposed]). */
	string(name: string): string | undefined {
		return this.values.get(name)?.[0];
	}

	/** A value that must be present and non-empty. */
	required(name: string): string {
		const value = this.string(name);
		if (value === undefined || value === '') invalidParameter(name);
		return value;
	}

	/**
	 * Several ids: the field repeated, or one comma-separated value, or both (spec §4 [proposed]).
	 * Undefined when the field is absent; `[]` when it is present but empty.
	 */
	list(name: string): string[] | undefined {
		const raw = this.values.get(name);
		if (raw === undefined) return undefined;
		return raw
			.flatMap((value) => value.split(','))
			.map((value) => value.trim())
			.filter((value) => value !== '');
	}

	/** A decimal number within [min, max]; undefined when absent, null when sent empty. */
	number(name: string, min: number, max: number): number | null | undefined {
		const value = this.string(name);
		if (value === undefined || value === '') return value === '' ? null : undefined;
		const parsed = Number(value);
		if (!/^-?\d+(\.\d+)?$/.test(value) || parsed < min || parsed > max) invalidParameter(name);
		return parsed;
	}

	/** `0` or `1`. */
	flag(name: string): 0 | 1 | undefined {
		const value = this.string(name);
		if (value === undefined) return undefined;
		if (value !== '0' && value !== '1') invalidParameter(name);
		return value === '1' ? 1 : 0;
	}

	/** A UTC timestamp `YYYY-MM-DDThh:mm:ss`, as epoch ms. */
	instant(name: string): number | undefined {
		const value = this.string(name);
		if (value === undefined) return undefined;
		const ms = parseUtc(value);
		if (ms === undefined) invalidParameter(name);
		return ms;
	}

	/** A UTC timestamp, in its canonical spelling; null when sent empty (clears the value). */
	time(name: string): UtcText | null | undefined {
		if (this.string(name) === '') return null;
		const ms = this.instant(name);
		return ms === undefined ? undefined : formatUtc(ms);
	}

	/** A JSON-encoded object inside a form field (`extend_data`, `metadata`). */
	jsonObject(name: string): Record<string, unknown> | null | undefined {
		const value = this.string(name);
		if (value === undefined || value === '') return value === '' ? null : undefined;
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch {
			invalidParameter(name);
		}
		if (!isRecord(parsed)) invalidParameter(name);
		return parsed;
	}

	/** Every field but `company_id`, as sent: what the write ledger records. */
	fields(): Record<string, FieldValue> {
		const out: Record<string, FieldValue> = {};
		for (const [key, value] of this.values) {
			if (key !== 'company_id') out[key] = value.length === 1 ? value[0] : value;
		}
		return out;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFormBody(req: SimRequest): req is SimRequest & { body: Record<string, FieldValue> } {
	return isFormContent(req) && isRecord(req.body);
}

export function isFormContent(req: SimRequest): boolean {
	return (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
}
