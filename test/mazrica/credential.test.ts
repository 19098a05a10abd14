import type { IHttpRequestOptions } from 'n8n-workflow';
import { request } from 'undici';

import { MazricaApi } from '../../credentials/MazricaApi.credentials';
import { CredentialTypesRegistry, TestCredentialsHelper } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';

/**
 * The credential's own test request, resolved and authenticated the way n8n's credential tester
 * does (expressions over $credentials, then the credential's authenticate), sent to the simulator.
 */
const sim = serveDuringTests(new MazricaSimulator());
const credential = new MazricaApi();
const helper = new TestCredentialsHelper(new CredentialTypesRegistry([credential]));

async function runCredentialTest(apiKey: string, baseUrl: string): Promise<number> {
	const data = { apiKey, baseUrl };
	const resolve = (value: string) => helper.resolve(value, data);
	const { baseURL, url, method, qs } = credential.test.request;
	const options = await helper.authenticate(data, 'mazricaApi', {
		url: `${resolve(baseURL ?? '')}${url}`,
		method,
		qs,
		headers: {},
	} as IHttpRequestOptions);
	const target = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		target.searchParams.set(key, String(value));
	const response = await request(target, {
		method: 'GET',
		headers: options.headers as Record<string, string>,
	});
	await response.body.dump();
	return response.statusCode;
}

test('the credential test passes with the right key, also with a trailing slash on the base URL', async () => {
	expect(await runCredentialTest(sim.apiKey, sim.baseUrl)).toBe(200);
	expect(await runCredentialTest(sim.apiKey, `${sim.baseUrl}/`)).toBe(200);
	expect(sim.received({ path: '/v1/users' })[0].headers['x-api-key']).toBe(sim.apiKey);
});

test('the credential test fails with a wrong key', async () => {
	expect(await runCredentialTest('wrong-key-123456', sim.baseUrl)).toBe(401);
});

test('the API key field is a password and the default base URL is the vendor host', () => {
	const apiKey = credential.properties.find((p) => p.name === 'apiKey');
	expect(apiKey?.typeOptions?.password).toBe(true);
	expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe(
		'https://senses-open-api.mazrica.com/v1',
	);
});
