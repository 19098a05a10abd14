import { SatoriApi } from '../../credentials/SatoriApi.credentials';
import { CredentialTypesRegistry, runCredentialTest, TestCredentialsHelper } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { DEFAULT_PATHS, SatoriSimulator } from '../simulators/satori/satori-simulator';

/** The credential's test as n8n's credential tester runs it (RoutingNode), in both HTTP readings. */
const sim = serveDuringTests(new SatoriSimulator());
const credential = new SatoriApi();

async function test_(userIndex: number, overrides: Record<string, string> = {}) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([credential]));
	return await runCredentialTest(credential, { ...sim.keysOf(userIndex), baseUrl: `${sim.baseUrl}/`, ...overrides }, helper);
}

describe.each(['mirror', 'always200'] as const)('HTTP status %s', (httpStatus) => {
	beforeEach(() => {
		sim.behaviour.httpStatus = httpStatus;
	});

	test('the right keys pass, with the keys in the query string and nothing created', async () => {
		const customers = sim.customersOf().length;
		expect(await test_(0)).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		const [call] = sim.received({ method: 'GET', path: DEFAULT_PATHS.bulkStatus });
		const keys = sim.keysOf(0);
		expect(call.query).toEqual({
			process_code: 'n8n-credential-test',
			user_key: keys.userApiKey,
			user_secret: keys.userSecret,
			company_key: keys.companyApiKey,
			company_secret: keys.companySecret,
		});
		expect(sim.requests).toHaveLength(1);
		expect(sim.customersOf()).toHaveLength(customers);
		expect(sim.jobs.size).toBe(0);
	});

	test('wrong keys and a missing permission are told apart', async () => {
		const wrong = await test_(0, { companySecret: 'not-the-secret' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^SATORI did not accept the keys \(認証に失敗しました\)/);
		const denied = await test_(2);
		expect(denied.status).toBe('Error');
		expect(denied.message).toMatch(/^The keys are valid, but the permission rule \(権限ルール\)/);
	});
});

test('all four keys are password fields; the base URL defaults to the SATORI host', () => {
	const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
	for (const name of ['userApiKey', 'userSecret', 'companyApiKey', 'companySecret']) {
		expect(byName[name].typeOptions?.password).toBe(true);
		expect(byName[name].required).toBe(true);
	}
	expect(byName.baseUrl.default).toBe('https://api.satr.jp');
});
