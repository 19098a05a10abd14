import type { IDataObject } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials, yappliTrigger } from '../yappli/setup';
import { echoing, recognisable, retriedThenEchoing, watchSecrets } from './secret-scan';

/**
 * Every Yappli CRM operation with recognisable secrets: the client secret, the session token
 * n8n fetches, and the password-typed node parameters — the transfer token (long and short),
 * which travels in the URL path, and a member's password and secret question/answer, which
 * travel in the body. Each runs normally, then retried once (the retry is logged with its path)
 * and answered with every secret echoed: outputs, errors and n8n's log never contain one.
 */
const sim = serveDuringTests(new YappliSimulator({ clientSecret: recognisable('YAPPLI-SECRET') }));
const longToken = recognisable('TRANSFER-TOKEN');
const shortToken = 'Qx7#k';
const memberPassword = recognisable('MEMBER-PASSWORD', 4);
const secretQuestion = '好きな色';
const secretAnswer = 'Pochi';
const watch = watchSecrets({
	'client secret': sim.clientSecret,
	'transfer token': longToken,
	'short transfer token': shortToken,
	'member password': memberPassword,
	'member secret question': secretQuestion,
	'member secret answer': secretAnswer,
});

const member = () => [...sim.store.members.values()][0];
const memberSecrets = {
	password: memberPassword,
	secret_question: secretQuestion,
	secret_answer: secretAnswer,
};
/** Each operation's parameters and the password-typed values among them. */
const operations: Record<string, () => [IDataObject, string[]]> = {
	'member getAll': () => [
		{ resource: 'member', operation: 'getAll', returnAll: false, limit: 3 },
		[],
	],
	'member get': () => [{ resource: 'member', operation: 'get', memberId: member().id }, []],
	'member getByUniqueId': () => [
		{ resource: 'member', operation: 'getByUniqueId', uniqueId: member().uniqueId },
		[],
	],
	'member create': () => [
		{
			resource: 'member',
			operation: 'create',
			additionalFields: {
				unique_id: 'SECRET-TEST-1',
				login_id: 'hanako@example.jp',
				...memberSecrets,
			},
		},
		Object.values(memberSecrets),
	],
	'member update': () => [
		{ resource: 'member', operation: 'update', memberId: member().id, updateFields: memberSecrets },
		Object.values(memberSecrets),
	],
	'point getHistory': () => [
		{ resource: 'point', operation: 'getHistory', memberId: member().id, returnAll: true },
		[],
	],
	'point getExpiryList': () => [
		{ resource: 'point', operation: 'getExpiryList', memberId: member().id, returnAll: true },
		[],
	],
	'point adjust': () => [
		{ resource: 'point', operation: 'adjust', memberId: member().id, point: 10 },
		[],
	],
	'point calculate': () => [
		{ resource: 'point', operation: 'calculate', memberId: member().id, amount: 1000 },
		[],
	],
	'transferToken check (long token)': () => [
		{ resource: 'transferToken', operation: 'check', memberId: member().id, token: longToken },
		[longToken],
	],
	'transferToken check (short token)': () => [
		{ resource: 'transferToken', operation: 'check', memberId: member().id, token: shortToken },
		[shortToken],
	],
};

test.each(Object.keys(operations))(
	'%s: no secret in output, error or log, also retried and echoed',
	async (name) => {
		const [parameters, passwords] = operations[name]();
		const setup = yappliCredentials(sim);
		const ok = await runYappli(setup, parameters);
		const accessToken = String(setup.helper.stored(setup.id).accessToken);
		watch.secrets['access token'] = accessToken;
		expect(ok.error?.message).toBeUndefined();
		expect(watch.leaks(ok.run)).toEqual([]);

		sim.inject(
			...retriedThenEchoing(
				'/api/ext/',
				{
					error: 'Bad Request',
					error_description: echoing(sim.clientSecret, accessToken, ...passwords),
				},
				(req) => req.path !== '/api/ext/token',
			),
		);
		const failed = await runYappli(setup, parameters, [{}], true);
		expect(String(failed.items[0]?.json.error)).toBe(
			`Yappli CRM returned 400: rejected: ${['***', '***', ...passwords.map(() => '***')].join(' ')}`,
		);
		expect(sim.requests.some((r) => r.status === 503)).toBe(true);
		expect(watch.leaks(failed.run)).toEqual([]);
	},
);

test('trigger: an echoed secret never reaches the error or the log', async () => {
	const setup = yappliCredentials(sim);
	const trigger = yappliTrigger(setup);
	await trigger.poll();
	const accessToken = String(setup.helper.stored(setup.id).accessToken);
	watch.secrets['access token'] = accessToken;
	sim.inject(
		...retriedThenEchoing('/api/ext/users', {
			error_description: echoing(sim.clientSecret, accessToken),
		}),
	);
	const error = (await trigger.poll().catch((e: unknown) => e)) as Error;
	expect(error.message).toBe('Yappli CRM returned 400: rejected: *** ***');
	expect(watch.leaks(error)).toEqual([]);
});

test('the log was watched: the retries above were logged', () => {
	expect(watch.loggedLines).toBeGreaterThan(0);
});
