import type { IDataObject } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials } from './setup';

/**
 * Yappli's 400 (要求が無効です。) names no field by itself (issue 12 point 6): the error passes
 * through whatever detail the body carries and lists the likely causes for the operation.
 */
const sim = serveDuringTests(new YappliSimulator());
const memberId = () => [...sim.store.members.keys()][0];
const BARE_400 = { error: 'Bad Request', error_description: '要求が無効です。' };

async function failing(parameters: IDataObject, continueOnFail = false) {
	const result = await runYappli(yappliCredentials(sim), parameters, [{}], continueOnFail);
	const error = continueOnFail
		? { message: result.items[0].json.error, description: result.items[0].json.description }
		: { message: result.error?.message, description: result.error?.description };
	return error as { message?: string; description?: string };
}

test('a subtraction larger than the balance shows Yappli’s detail and the point-write causes', async () => {
	const error = await failing({
		resource: 'point',
		operation: 'adjust',
		memberId: memberId(),
		point: -9_999_999,
	});
	expect(error.message).toBe(
		"Yappli CRM returned 400: 要求が無効です。 (point -9999999 exceeds the member's balance)",
	);
	expect(error.description).not.toMatch(/fields named in the message/);
	expect(error.description).toMatch(/subtracting more points than the member holds/);
	expect(error.description).toMatch(/Expires On/);
});

test('a bare 400 on a point write says no field was named and lists the likely causes', async () => {
	const id = memberId();
	sim.inject({
		method: 'POST',
		path: `/api/ext/users/${id}/points`,
		respond: { status: 400, body: BARE_400 },
	});
	const error = await failing(
		{ resource: 'point', operation: 'adjust', memberId: id, point: 100 },
		true,
	);
	expect(error.message).toBe('Yappli CRM returned 400: 要求が無効です。');
	expect(error.description).toMatch(/^Yappli did not say which value it refused\./);
	expect(error.description).toMatch(
		/Likely causes for Point → Add or Subtract: subtracting more points than the member holds; /,
	);
	expect(error.description).toMatch(/\(POST \/users\/\d+\/points\)$/);
});

test('a 400 on Calculate From Amount names the rank rate among the causes', async () => {
	const id = memberId();
	sim.inject({
		method: 'POST',
		path: `/api/ext/users/${id}/points/calculation`,
		respond: { status: 400, body: BARE_400 },
	});
	const error = await failing({
		resource: 'point',
		operation: 'calculate',
		memberId: id,
		amount: 500,
	});
	expect(error.description).toMatch(/Likely causes for Point → Calculate From Amount: .*rank/);
});

test('a rank written while the tenant uses ranks shows the member-write causes', async () => {
	sim.tenant.rankEnabled = true;
	const error = await failing({
		resource: 'member',
		operation: 'update',
		memberId: memberId(),
		updateFields: { rank: 'gold' },
	});
	expect(error.message).toBe(
		'Yappli CRM returned 400: 要求が無効です。 (rank cannot be set while the rank feature is enabled)',
	);
	expect(error.description).toMatch(
		/Likely causes for Member → Update: Rank is set while the rank feature \(ランク利用\) is on/,
	);
});

test.each([
	[
		{ error: 'invalid_request', error_description: 'logined_at is invalid' },
		'logined_at is invalid',
	],
	[
		{
			error: 'Bad Request',
			error_description: '要求が無効です。',
			errors: [{ message: 'unique_id is taken' }],
		},
		'要求が無効です。 (unique_id is taken)',
	],
	[{ error: 'unique_id is taken' }, 'unique_id is taken'],
])('the detail of %j is passed through', async (body, shown) => {
	sim.inject({ method: 'POST', path: '/api/ext/users', respond: { status: 400, body } });
	const error = await failing({
		resource: 'member',
		operation: 'create',
		additionalFields: { unique_id: 'X-1' },
	});
	expect(error.message).toBe(`Yappli CRM returned 400: ${shown}`);
	expect(error.description).toMatch(/Likely causes for Member → Create: /);
	expect(error.description).not.toMatch(/did not say which value/);
});
