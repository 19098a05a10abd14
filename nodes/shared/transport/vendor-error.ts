import type { VendorErrorDetail } from './vendor-profile';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const firstText = (...values: unknown[]) =>
	values.find((value): value is string => typeof value === 'string' && value.trim() !== '');

/**
 * The texts of a detail list in whichever form it comes: strings, objects carrying `err_msg`
 * (cyzen), `message`, `msg`, `detail` or `description` (named by `field`/`key` when given), or a
 * map of field → messages (SATORI's `message` object).
 */
function detailTexts(value: unknown, field?: string): string[] {
	if (Array.isArray(value)) return value.flatMap((entry) => detailTexts(entry, field));
	if (isRecord(value)) {
		const text = firstText(
			value.err_msg,
			value.message,
			value.msg,
			value.detail,
			value.description,
		);
		if (!text) {
			return Object.entries(value).flatMap(([key, entry]) =>
				typeof entry === 'string' || Array.isArray(entry) ? detailTexts(entry, key) : [],
			);
		}
		const named = firstText(value.field, value.key) ?? field;
		return [named && !text.includes(named) ? `${named}: ${text}` : text];
	}
	const text = firstText(value);
	return text ? [field && !text.includes(field) ? `${field}: ${text}` : text] : [];
}

/** An error body taken apart: its headline, the details listed with it, and the vendor's code. */
export interface VendorErrorParts {
	/** `error_description` (OAuth 2.0) or a `message` text. */
	headline?: string;
	/** `messages` (Mazrica), `errors` (cyzen `err_msg`, Yappli), `message` as an object (SATORI). */
	details: string[];
	/** `error` when it is a string, else the first `errors[].err_code`. */
	code?: string;
}

export function vendorErrorParts(body: unknown): VendorErrorParts {
	if (!isRecord(body)) {
		const text = firstText(body);
		return { headline: text?.trim(), details: [] };
	}
	const message = isRecord(body.message) ? firstText(body.message.message) : body.message;
	const headline = firstText(body.error_description, message);
	const details = [
		...detailTexts(body.messages),
		...detailTexts(body.errors),
		...(isRecord(body.message) && !headline ? detailTexts(body.message) : []),
	].filter((detail) => detail !== headline);
	const firstError = Array.isArray(body.errors) ? (body.errors[0] as unknown) : undefined;
	const errCode = isRecord(firstError) ? firstError.err_code : undefined;
	const code =
		firstText(body.error) ??
		(errCode === undefined || errCode === null ? undefined : String(errCode));
	return { headline, details, code };
}

/**
 * The vendor's message out of an error body, whichever of the shapes our vendors use: the
 * headline with its details in parentheses (`要求が無効です。 (point is required)`), else the
 * details (`messages`, `errors[].err_msg`, a `message` object) joined, else a bare `error`, or a
 * plain-text body. Messages are kept as written (often Japanese); a string `error` is the code.
 */
export function readVendorError(body: unknown): VendorErrorDetail | undefined {
	const { headline, details, code } = vendorErrorParts(body);
	const text = headline
		? [headline, details.length ? `(${details.join('; ')})` : undefined].filter(Boolean).join(' ')
		: details.length
			? details.join(' / ')
			: isRecord(body)
				? firstText(body.error, isRecord(body.error) ? body.error.message : undefined)
				: undefined;
	return text ? { message: text, code } : undefined;
}
