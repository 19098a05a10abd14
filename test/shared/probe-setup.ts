import type { IDataObject, INodeCredentials } from 'n8n-workflow';

import {
	ApiKeyTestApi,
	RotatingOAuth2TestApi,
	SessionTokenTestApi,
} from '../fixtures/test-credentials';
import { OAuth2ApiParent } from '../fixtures/oauth2-api.credentials';
import { TransportProbe } from '../fixtures/transport-probe.node';
import {
	CredentialTypesRegistry,
	runNode,
	TestCredentialsHelper,
	type NodeUnderTest,
	type RunControl,
} from '../harness';
import type { ReferenceSimulator } from '../kit/reference-simulator';

let credentialSeq = 0;

/**
 * A credentials helper holding one API-key credential for `sim`. Budgets (throttle, daily count,
 * blocks, breaker) belong to the key, so each setup gets a fresh key unless one is handed in.
 */
export function apiKeySetup(
	sim: ReferenceSimulator,
	apiKey = sim.issueApiKey(),
	extra: IDataObject = {},
) {
	const helper = new TestCredentialsHelper(
		new CredentialTypesRegistry([
			new ApiKeyTestApi(),
			new SessionTokenTestApi(),
			new OAuth2ApiParent(),
			new RotatingOAuth2TestApi(),
		]),
	);
	const id = `cred-${++credentialSeq}`;
	const details = helper.add({
		id,
		name: 'Reference',
		type: 'apiKeyTestApi',
		data: { baseUrl: sim.url, apiKey, ...extra },
	});
	const credentials: INodeCredentials = { apiKeyTestApi: details };
	return { helper, credentials, id, apiKey };
}

export type ProbeParameters = IDataObject;

export async function probe(
	setup: ReturnType<typeof apiKeySetup>,
	parameters: ProbeParameters,
	input: IDataObject[] = [{}],
	continueOnFail = false,
	run: Pick<NodeUnderTest, 'nodeName' | 'executionId'> & RunControl = {},
) {
	const { nodeName, executionId, ...control } = run;
	return await runNode(
		{
			type: new TransportProbe(),
			parameters: { authentication: 'apiKey', ...parameters },
			credentials: setup.credentials,
			continueOnFail,
			nodeName,
			executionId,
		},
		setup.helper,
		input,
		'manual',
		control,
	);
}
