import { SimHttpError } from '../../kit/simulator';

/** Error bodies follow the document's sample: `{"error": "...", "messages": ["..."]}` (§3). */
export function fail(
	status: number,
	error: string,
	messages: string[],
	extra: Record<string, unknown> = {},
): never {
	throw new SimHttpError(status, { error, messages, ...extra });
}

export function badRequest(...messages: string[]): never {
	return fail(400, 'Bad Request', messages);
}

export function notFound(...messages: string[]): never {
	return fail(404, 'Not Found', messages);
}

export function forbidden(...messages: string[]): never {
	return fail(403, 'Forbidden', messages);
}

/** Wording of the document's 403 on custom-object endpoints (§8). */
export const CUSTOM_OBJECT_PLAN_MESSAGE = 'カスタムオブジェクトが利用可能な契約プランではない';
/** [proposed] Same wording pattern for lifecycle stages; the document gives no text or code. */
export const LIFECYCLE_PLAN_MESSAGE = 'ライフサイクルステージが利用可能な契約プランではない';
/** The document's 400 text on the search endpoints. */
export const INVALID_SEARCH_MESSAGE = '検索条件が不正';
/** [proposed] messages[0] of a failed bulk request; rows are detailed in `bulkErrors`. */
export const BULK_FAILED_MESSAGE =
	'1件でも登録エラーとなったため、全てのデータが登録されませんでした';
export const BULK_LIMIT = 1000;
