/** SATORI's error texts: vendor ones where published, ours [proposed] where not (spec §6). */
export const MESSAGES = {
	validationPrefix: 'バリデーションに失敗しました。',
	authFailed: '認証に失敗しました。',
	forbidden: '権限がありません。',
	customerNotFound: 'カスタマーが見つかりません。',
	jobNotFound: '処理状況が見つかりません。',
	emailExists: 'メールアドレスはすでに存在します。',
	tooMany: 'リクエストが多すぎます。',
} as const;

/** A SATORI answer to send: body `{status, message[, body]}`. */
export class SatoriAnswer extends Error {
	constructor(
		readonly status: number,
		readonly message: string,
		readonly body?: Record<string, unknown>,
	) {
		super(message);
	}
}

export function validation(detail: string): never {
	throw new SatoriAnswer(400, `${MESSAGES.validationPrefix} ${detail}`);
}

export function fail(status: number, message: string): never {
	throw new SatoriAnswer(status, message);
}
