import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const TOKEN_KEYS = ['access_token', 'refresh_token', 'id_token'];
const MASK = '***';
/**
 * Secrets shorter than this are masked only where they stand alone (not inside a longer run of
 * letters and digits), so a 4-character PIN does not turn "1234" into "***4" in every answer.
 */
const SHORT_SECRET = 8;

/** The secret strings of a credential: the profile's secret fields plus any OAuth tokens. */
export function secretValues(
	credentials: ICredentialDataDecryptedObject | undefined,
	fields: string[],
): string[] {
	if (!credentials) return [];
	const values: unknown[] = fields.map((field) => credentials[field]);
	const tokenData = credentials.oauthTokenData as Record<string, unknown> | undefined;
	if (tokenData && typeof tokenData === 'object')
		values.push(...TOKEN_KEYS.map((key) => tokenData[key]));
	return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** A compiled mask for one set of secrets, in every form they take in text (raw, URL- and JSON-escaped). */
export class Redactor {
	private readonly pattern: RegExp | undefined;

	constructor(secrets: string[]) {
		const forms = new Set<string>();
		for (const secret of secrets) {
			if (!secret) continue;
			forms.add(secret);
			forms.add(encodeURIComponent(secret));
			forms.add(JSON.stringify(secret).slice(1, -1));
		}
		const alternatives = [...forms]
			.filter((form) => form !== '')
			.sort((a, b) => b.length - a.length)
			.map((form) => {
				const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				return form.length >= SHORT_SECRET ? escaped : `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`;
			});
		this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'g') : undefined;
	}

	get empty(): boolean {
		return this.pattern === undefined;
	}

	/** Whether `text` holds a secret. */
	finds(text: string): boolean {
		if (!this.pattern) return false;
		this.pattern.lastIndex = 0;
		return this.pattern.test(text);
	}

	/** `value` with every secret masked, in a string, an array or an object tree. */
	apply<T>(value: T): T {
		if (!this.pattern) return value;
		if (typeof value === 'string') return value.replace(this.pattern, MASK) as T;
		if (Array.isArray(value)) return value.map((entry) => this.apply(entry)) as T;
		if (value && typeof value === 'object') {
			return Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
					key,
					this.apply(entry),
				]),
			) as T;
		}
		return value;
	}

	/** `apply`, but an answer holding no secret (the usual case) is handed back untouched, not copied. */
	applyIfFound<T>(value: T): T {
		if (!this.pattern || value === null || value === undefined) return value;
		if (typeof value !== 'object') return this.apply(value);
		return this.finds(JSON.stringify(value)) ? this.apply(value) : value;
	}
}

/** Replaces every occurrence of a secret in a string, an array or an object tree. */
export function redact<T>(value: T, secrets: string[]): T {
	return new Redactor(secrets).apply(value);
}
