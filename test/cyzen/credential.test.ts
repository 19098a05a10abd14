import { CyzenApi } from '../../credentials/CyzenApi.credentials';
import { CredentialTypesRegistry, runCredentialTest, TestCredentialsHelper } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';

/** The credential's test as n8n's credential tester runs it (RoutingNode), against the simulator. */
const sim = serveDuringTests(new CyzenSimulator());
const credential = new CyzenApi();

async function testWith(overrides: Record<string, string> = {}) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([credential]));
	return await runCredentialTest(
		credential,
		{
			accessToken: sim.accessToken,
			companyId: sim.companyId,
			baseUrl: `${sim.baseUrl}/`,
			...overrides,
		},
		helper,
	);
}

test('the right token and company pass: bearer header, company_id in the query, nothing written', async () => {
	expect(await testWith()).toEqual({ status: 'OK', message: 'Connection tested successfully' });
	const [call] = sim.received();
	expect(call.path).toBe(`${sim.basePath}/groups`);
	expect(call.headers.authorization).toBe(`bearer ${sim.accessToken}`);
	expect(call.query).toEqual({ company_id: sim.companyId });
	expect(sim.ledger.entries).toHaveLength(0);
});

test('a wrong token or another company fails', async () => {
	expect((await testWith({ accessToken: 'not-the-token' })).status).toBe('Error');
	expect((await testWith({ companyId: '0'.repeat(32) })).status).toBe('Error');
});
