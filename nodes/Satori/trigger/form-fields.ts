import type { IDataObject } from 'n8n-workflow';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonObject(text: string): IDataObject | undefined {
	try {
		const parsed = JSON.parse(text) as unknown;
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The form values of one SATORI form webhook. SATORI sends the JSON body configured in the form's
 * webhook settings; n8n has parsed it when the Content-Type says JSON or form. When it did not
 * (another Content-Type), the raw text is read as JSON, and kept as `body` text if it is not.
 */
export function formFields(body: unknown, rawBody: unknown): IDataObject {
	if (isObject(body) && Object.keys(body).length > 0) return body;
	if (typeof body === 'string') return jsonObject(body) ?? { body };
	const text =
		typeof rawBody === 'string'
			? rawBody
			: rawBody instanceof Uint8Array
				? new TextDecoder().decode(rawBody)
				: '';
	if (text.trim() === '') return isObject(body) ? body : {};
	return jsonObject(text) ?? { body: text };
}
