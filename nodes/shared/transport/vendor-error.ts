import type { VendorErrorDetail } from './vendor-profile';

type Json = Record<string, unknown>;

const isText = (value: unknown): value is string =>
	typeof value === 'string' && value.trim() !== '';

/** Strings of a `messages`/`errors` list: plain strings, or entries carrying `err_msg` or `message`. */
function listTexts(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((entry): string[] => {
		if (isText(entry)) return [entry];
		if (!entry || typeof entry !== 'object') return [];
		const { err_msg: errMsg, message } = entry as Json;
		return [errMsg, message].filter(isText).slice(0, 1);
	});
}

/**
 * A `message` or `error` that is an object (SATORI's `message`, some gateways' `error`): its own
 * text when it has one, else its text values as `field: text`.
 */
function objectTexts(value: unknown): string[] {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return listTexts(value);
	const { message, err_msg: errMsg, error_description: description } = value as Json;
	const own = [message, errMsg, description].filter(isText);
	if (own.length > 0) return own.slice(0, 1);
	return Object.entries(value as Json).flatMap(([key, entry]) => {
		const texts = isText(entry) ? [entry] : listTexts(entry);
		return texts.map((text) => `${key}: ${text}`);
	});
}

/** The vendor's own error code: `error` when it is a string, else the first `errors[].err_code`. */
function codeOf(body: Json): string | undefined {
	if (isText(body.error)) return body.error;
	const first = Array.isArray(body.errors) ? (body.errors[0] as Json | undefined) : undefined;
	const code = first && typeof first === 'object' ? first.err_code : undefined;
	return code === undefined || code === null ? undefined : String(code);
}

/**
 * The vendor's message out of an error body, whichever of the shapes our vendors use: `messages`
 * (Mazrica), `errors[].err_msg` (cyzen), `error_description` (OAuth 2.0: Yappli, RODEM),
 * `message` as a string or an object (SATORI, API gateways), `error` alone, or a plain-text body.
 * Messages are kept as written (often Japanese).
 * The first present in that order of precedence wins — the order keeps each vendor's documented
 * field first — and a string `error` is kept as the code.
 */
export function readVendorError(body: unknown): VendorErrorDetail | undefined {
	if (typeof body === 'string') return isText(body) ? { message: body.trim() } : undefined;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const json = body as Json;
	const candidates = [
		isText(json.error_description) ? [json.error_description] : [],
		isText(json.message) ? [json.message] : objectTexts(json.message),
		listTexts(json.messages),
		listTexts(json.errors),
		isText(json.error) ? [json.error] : objectTexts(json.error),
	];
	const texts = candidates.find((list) => list.length > 0);
	if (!texts) return undefined;
	return { message: texts.join(' / '), code: codeOf(json) };
}
