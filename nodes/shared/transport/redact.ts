import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const TOKEN_KEYS = ['access_token', 'refresh_token', 'id_token'];
const MASK = '***';

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
	// Short values would mask ordinary words; every real key or token is far longer than 5 chars.
	return values.filter((v): v is string => typeof v === 'string' && v.length > 5);
}

/** Replaces every occurrence of a secret in a string, an array or an object tree. */
export function redact<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0) return value;
	if (typeof value === 'string') {
		let text: string = value;
		for (const secret of secrets) text = text.split(secret).join(MASK);
		return text as T;
	}
	if (Array.isArray(value)) return value.map((entry) => redact(entry, secrets)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
				key,
				redact(entry, secrets),
			]),
		) as T;
	}
	return value;
}
