import type { IDataObject } from 'n8n-workflow';

import type { VendorErrorDetail } from '@japan-saas/shared/transport';

/**
 * A SATORI answer, whatever its shape: `{"status": 400, "message": "バリデーションに失敗しました。 …"}`,
 * `{"status": 200, "message": {"customer[hashcode]": "…"}}` or
 * `{"status": 202, "message": "Accepted", "body": {"process_code": "…"}}` (spec §5.4, §6).
 */
export interface SatoriAnswer {
	/** The body's own `status` ("APIステータス"); SATORI decides success by it, not by HTTP. */
	status?: number;
	/** `message` when it is text. */
	message?: string;
	/** The data: `body`, else `message` when it is an object, else the top level. */
	payload: IDataObject;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsed(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

export function readAnswer(body: unknown): SatoriAnswer {
	const value = parsed(body);
	if (!isObject(value)) return { payload: {} };
	const status = Number(value.status);
	const { message } = value;
	let payload: IDataObject = value;
	if (isObject(value.body)) payload = value.body;
	else if (isObject(message)) payload = message;
	return {
		status: Number.isFinite(status) && value.status !== null && value.status !== '' ? status : undefined,
		message: typeof message === 'string' ? message : undefined,
		payload,
	};
}

/** The bulk job id, found in `body`, in `message` or at the top level. */
export function processCodeOf(body: unknown): string | undefined {
	const value = parsed(body);
	if (!isObject(value)) return undefined;
	for (const place of [value.body, value.message, value]) {
		const code = isObject(place) ? place.process_code : undefined;
		if ((typeof code === 'string' && code !== '') || typeof code === 'number') return String(code);
	}
	return undefined;
}

/** Text for an error `message` that is an object, e.g. per-field lists. */
function describe(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(describe).join(' / ');
	if (isObject(value)) {
		return Object.entries(value)
			.map(([key, entry]) => `${key}: ${describe(entry)}`)
			.join(' / ');
	}
	return value === undefined || value === null ? '' : String(value);
}

/** The vendor's message and the body status of a SATORI error answer. */
export function satoriErrorDetail(body: unknown): VendorErrorDetail | undefined {
	const value = parsed(body);
	if (typeof value === 'string') return value.trim() ? { message: value.trim() } : undefined;
	if (!isObject(value)) return undefined;
	const { status } = readAnswer(value);
	const message = describe(value.message ?? value.error).trim();
	if (!message && status === undefined) return undefined;
	return {
		message: message || `status ${status}`,
		...(status !== undefined ? { status } : {}),
		...(status === 429 ? { throttled: true } : {}),
	};
}

/** SATORI answers HTTP 200 with an error inside when the body status is not 2xx. */
export function errorInSatoriSuccess(body: unknown): VendorErrorDetail | undefined {
	const { status } = readAnswer(body);
	if (status === undefined || (status >= 200 && status < 300)) return undefined;
	return satoriErrorDetail(body);
}
