import { SimHttpError } from '../../kit/simulator';

/**
 * Error bodies. The document's failure tables have three columns, "HTTP Status Code | error |
 * error_description", with the rows "400 | Bad Request | 要求が無効です。" and
 * "401 | Unauthorized | 認証に失敗しました。". The simulator reads them literally:
 * `{"error": "Bad Request", "error_description": "要求が無効です。"}`.
 * [proposed] An `errors` array naming each problem is added, so a failing test says why.
 */
export const INVALID_REQUEST = '要求が無効です。';
export const AUTH_FAILED = '認証に失敗しました。';
/** [proposed] 404 wording; the document lists only 400 and 401. */
export const MEMBER_NOT_FOUND = '顧客が見つかりません。';
/** [proposed] 429 wording; no rate limit is published. */
export const TOO_MANY_REQUESTS = 'リクエストが多すぎます。';

export interface ErrorBody {
	error: string;
	error_description: string;
	errors: string[];
}

export function errorBody(error: string, description: string, problems: string[]): ErrorBody {
	return { error, error_description: description, errors: problems };
}

export function badRequest(...problems: string[]): never {
	throw new SimHttpError(400, errorBody('Bad Request', INVALID_REQUEST, problems));
}

export function unauthorized(...problems: string[]): never {
	throw new SimHttpError(401, errorBody('Unauthorized', AUTH_FAILED, problems));
}

/** [proposed] status (spec §8 cites third-party code) and body. */
export function notFound(...problems: string[]): never {
	throw new SimHttpError(404, errorBody('Not Found', MEMBER_NOT_FOUND, problems));
}

/** Collects every problem of one request body so the 400 can list them all. */
export class Problems {
	readonly list: string[] = [];

	add(problem: string): void {
		this.list.push(problem);
	}

	get empty(): boolean {
		return this.list.length === 0;
	}

	throwIfAny(): void {
		if (!this.empty) badRequest(...this.list);
	}
}
