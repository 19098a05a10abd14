import type { IDataObject } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { rodemCredentials, rodemTrigger, runRodem } from '../rodem/setup';
import { RodemSimulator } from '../simulators/rodem/rodem-simulator';
import { echoing, recognisable, retriedThenEchoing, watchSecrets } from './secret-scan';

/**
 * RODEM's operation and trigger with a recognisable client secret and the OAuth tokens n8n holds,
 * normally, then retried once and answered with the secrets echoed: outputs, errors and n8n's log
 * never contain one.
 */
const sim = serveDuringTests(new RodemSimulator({ clientSecret: recognisable('RODEM-SECRET') }));
const watch = watchSecrets({ 'client secret': sim.clientSecret });
const range = { startDate: '2024-04-01', endDate: '2024-09-30' };

/** The connected credential's tokens, added to the watch. */
function tokensOf(setup: Awaited<ReturnType<typeof rodemCredentials>>): string[] {
	const tokens = setup.helper.stored(setup.id).oauthTokenData as IDataObject;
	const values = [String(tokens.access_token), String(tokens.refresh_token)];
	watch.secrets[`access token ${setup.id}`] = values[0];
	watch.secrets[`refresh token ${setup.id}`] = values[1];
	return values;
}

test('expense getAll: no secret or token in output, error or log, also retried and echoed', async () => {
	const setup = await rodemCredentials(sim);
	const tokens = tokensOf(setup);
	const ok = await runRodem(setup, { ...range, returnAll: false, limit: 5 });
	expect(ok.error?.message).toBeUndefined();
	expect(watch.leaks(ok.run)).toEqual([]);

	sim.inject(
		...retriedThenEchoing('/api/v1/expenses', {
			error: 'invalid_request',
			error_description: echoing(sim.clientSecret, ...tokens),
		}),
	);
	const failed = await runRodem(setup, { ...range, returnAll: true }, [{}], true);
	expect(String(failed.items[0]?.json.error)).toBe('RODEM returned 400: rejected: *** *** ***');
	expect(watch.leaks(failed.run)).toEqual([]);
});

test('trigger: an echoed secret never reaches the error or the log', async () => {
	const setup = await rodemCredentials(sim);
	const tokens = tokensOf(setup);
	const trigger = rodemTrigger(setup, { lookBackDays: 30 });
	await trigger.poll();
	sim.inject(
		...retriedThenEchoing('/api/v1/expenses', {
			error: 'invalid_request',
			error_description: echoing(sim.clientSecret, ...tokens),
		}),
	);
	const error = (await trigger.poll().catch((e: unknown) => e)) as Error;
	expect(error.message).toBe('RODEM returned 400: rejected: *** *** ***');
	expect(watch.leaks(error)).toEqual([]);
});

test('the log was watched: the retries above were logged', () => {
	expect(watch.loggedLines).toBeGreaterThan(0);
});
