import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type {
	VendorConnection,
	VendorErrorDetail,
	VendorProfile,
} from '@japan-saas/shared/transport';

/**
 * The tutorial's failure tables give only "400 | Bad Request | 要求が無効です。" and
 * "401 | Unauthorized | 認証に失敗しました。", with "a JSON string describing the error" in the body:
 * `error` / `error_description`. These say nothing about which value was refused.
 */
const GENERIC_TEXTS = new Set([
	'要求が無効です。',
	'認証に失敗しました。',
	'Bad Request',
	'Unauthorized',
	'invalid_request',
	'unauthorized',
]);

type ErrorBody = Record<string, unknown>;

function isRecord(value: unknown): value is ErrorBody {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const firstText = (...values: unknown[]) =>
	values.find((value): value is string => typeof value === 'string' && value.trim() !== '');

/**
 * What an `errors` member says, in whichever form it comes: a list of strings or of objects
 * (`message` / `msg` / `err_msg`, with a `field` when named), or a map of field → messages. Not
 * documented by Yappli; read when present.
 */
function errorDetails(errors: unknown): string[] {
	const one = (entry: unknown, field?: string): string[] => {
		if (Array.isArray(entry)) return entry.flatMap((item) => one(item, field));
		const text = isRecord(entry)
			? firstText(entry.message, entry.msg, entry.err_msg, entry.detail, entry.description)
			: firstText(entry);
		const named = isRecord(entry) ? (firstText(entry.field, entry.key) ?? field) : field;
		if (!text) return [];
		return [named && !text.includes(named) ? `${named}: ${text}` : text];
	};
	if (Array.isArray(errors)) return errors.flatMap((entry) => one(entry));
	if (isRecord(errors))
		return Object.entries(errors).flatMap(([field, entry]) => one(entry, field));
	return one(errors);
}

function yappliError(body: unknown): VendorErrorDetail | undefined {
	if (!isRecord(body)) {
		return typeof body === 'string' && body.trim() ? { message: body.trim() } : undefined;
	}
	const headline = firstText(body.error_description, body.message, body.error);
	const details = errorDetails(body.errors).filter((detail) => detail !== headline);
	const message = [headline, details.length ? `(${details.join('; ')})` : undefined]
		.filter(Boolean)
		.join(' ');
	return message ? { message, code: firstText(body.error) } : undefined;
}

/** Whether a Yappli error body says more than the tutorial's generic status texts. */
export function yappliNamesTheProblem(body: unknown): boolean {
	if (!isRecord(body)) return typeof body === 'string' && body.trim() !== '';
	const headline = firstText(body.error_description, body.message, body.error);
	return (
		errorDetails(body.errors).length > 0 || (!!headline && !GENERIC_TEXTS.has(headline.trim()))
	);
}

export const yappliProfile: VendorProfile = {
	displayName: 'Yappli CRM',
	// [proposed] Yappli publishes no rate limit; 5 requests/s per credential keeps bulk syncs polite.
	throttle: { ratePerSecond: 5, burst: 5 },
	errorFromBody: yappliError,
	hints: {
		// Operations that write replace this with their likely causes (actions/bad-request.ts).
		400: 'Yappli refused the values sent (要求が無効です).',
		401: 'Yappli rejected the credential (認証に失敗しました). Check the client ID and secret and the App URL.',
		403: "Yappli may only accept calls from allow-listed server IPs: ask Yappli to add this n8n server's address.",
		404: 'No member with this ID or unique ID.',
	},
	secretFields: ['clientSecret', 'accessToken'],
};

export const yappliConnection: VendorConnection = {
	profile: yappliProfile,
	credentialType: 'yappliCrmApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		`${String(credentials.appUrl).replace(/\/+$/, '')}/api/ext`,
};
