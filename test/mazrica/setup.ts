import type { IDataObject } from 'n8n-workflow';

import { MazricaApi } from '../../credentials/MazricaApi.credentials';
import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { MazricaTrigger } from '../../nodes/Mazrica/MazricaTrigger.node';
import {
	CredentialTypesRegistry,
	PollingTriggerUnderTest,
	runNode,
	TestCredentialsHelper,
} from '../harness';
import type { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';

let sequence = 0;

/** A credentials helper holding a Mazrica credential for `sim` (budgets belong to the API key, not the credential id). */
export function mazricaCredentials(sim: MazricaSimulator, apiKey = sim.apiKey) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([new MazricaApi()]));
	const id = `mazrica-${++sequence}`;
	helper.add({ id, name: 'Mazrica', type: 'mazricaApi', data: { apiKey, baseUrl: sim.baseUrl } });
	return { helper, apiKey, credentials: { mazricaApi: { id, name: 'Mazrica' } } };
}

export type MazricaCredentials = ReturnType<typeof mazricaCredentials>;

export async function runMazrica(
	setup: MazricaCredentials,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode(
		{
			type: new Mazrica(),
			parameters: parameters as never,
			credentials: setup.credentials,
			continueOnFail,
		},
		setup.helper,
		input,
	);
}

export function mazricaTrigger(setup: MazricaCredentials, parameters: IDataObject) {
	return new PollingTriggerUnderTest(
		{ type: new MazricaTrigger(), parameters: parameters as never, credentials: setup.credentials },
		setup.helper,
	);
}
