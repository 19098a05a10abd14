import { NodeApiError } from 'n8n-workflow';

import { vendorResponseOf } from '@japan-saas/shared/transport';

import { yappliNamesTheProblem, yappliProfile } from '../transport/profile';

/**
 * Yappli answers every refused value with the same 400 (要求が無効です。) and often nothing more.
 * An operation that knows what usually causes it lists those causes: they replace the generic
 * 400 hint in the error's description. Any other error is handed back untouched.
 */
export function explainBadRequest(
	error: unknown,
	operation: string,
	causes: readonly string[] = [],
): unknown {
	const { status, body } = vendorResponseOf(error);
	if (status !== 400 || causes.length === 0 || !(error instanceof NodeApiError)) return error;
	const explanation = [
		yappliNamesTheProblem(body) ? undefined : 'Yappli did not say which value it refused.',
		`Likely causes for ${operation}: ${causes.join('; ')}.`,
	]
		.filter(Boolean)
		.join(' ');
	const hint = yappliProfile.hints?.[400];
	const current = error.description ?? '';
	error.description =
		hint && current.includes(hint)
			? current.replace(hint, explanation)
			: [explanation, current].filter(Boolean).join(' ');
	return error;
}
