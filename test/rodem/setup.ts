import type { IDataObject } from 'n8n-workflow';

import { RodemOAuth2Api } from '../../credentials/RodemOAuth2Api.credentials';
import { Rodem } from '../../nodes/Rodem/Rodem.node';
import { RodemTrigger } from '../../nodes/Rodem/RodemTrigger.node';
import { OAuth2ApiParent } from '../fixtures/oauth2-api.credentials';
import {
	CredentialTypesRegistry,
	PollingTriggerUnderTest,
	runNode,
	TestCredentialsHelper,
} from '../harness';
import { connectOAuth2 } from '../harness/oauth2-connect';
import type { RodemSimulator } from '../simulators/rodem/rodem-simulator';

let sequence = 0;

/**
 * A RODEM credential connected as a user would connect it in n8n: our credential type's hidden
 * URLs and scope resolved from its base URL, then the authorization-code flow against the simulator.
 * `client` defaults to the simulator's own; pass one from `sim.registerClient()` for a fresh budget.
 */
export async function rodemCredentials(
	sim: RodemSimulator,
	client: { clientId: string; clientSecret: string } = sim,
) {
	const helper = new TestCredentialsHelper(
		new CredentialTypesRegistry([new OAuth2ApiParent(), new RodemOAuth2Api()]),
	);
	const id = `rodem-${++sequence}`;
	helper.add({
		id,
		name: 'RODEM',
		type: 'rodemOAuth2Api',
		data: { baseUrl: sim.baseUrl, clientId: client.clientId, clientSecret: client.clientSecret },
	});
	const resolved = await helper.getDecrypted(
		{} as never,
		{ id, name: 'RODEM' },
		'rodemOAuth2Api',
		'manual',
	);
	helper.stored(id).oauthTokenData = await connectOAuth2(
		resolved,
		'http://127.0.0.1:5678/rest/oauth2-credential/callback',
	);
	return { helper, id, resolved, credentials: { rodemOAuth2Api: { id, name: 'RODEM' } } };
}

export type RodemCredentials = Awaited<ReturnType<typeof rodemCredentials>>;

export async function runRodem(
	setup: RodemCredentials,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode(
		{
			type: new Rodem(),
			parameters: { resource: 'expense', operation: 'getAll', ...parameters } as never,
			credentials: setup.credentials,
			continueOnFail,
		},
		setup.helper,
		input,
	);
}

export function rodemTrigger(setup: RodemCredentials, parameters: IDataObject = {}) {
	return new PollingTriggerUnderTest(
		{ type: new RodemTrigger(), parameters: parameters as never, credentials: setup.credentials },
		setup.helper,
	);
}
