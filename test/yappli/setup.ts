import type { IDataObject } from 'n8n-workflow';

import { YappliCrmApi } from '../../credentials/YappliCrmApi.credentials';
import { YappliCrm } from '../../nodes/YappliCrm/YappliCrm.node';
import { YappliCrmTrigger } from '../../nodes/YappliCrm/YappliCrmTrigger.node';
import {
	CredentialTypesRegistry,
	PollingTriggerUnderTest,
	runNode,
	TestCredentialsHelper,
} from '../harness';
import type { YappliSimulator } from '../simulators/yappli/yappli-simulator';

let sequence = 0;

export function yappliCredentials(sim: YappliSimulator, overrides: IDataObject = {}) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([new YappliCrmApi()]));
	const id = `yappli-${++sequence}`;
	helper.add({
		id,
		name: 'Yappli',
		type: 'yappliCrmApi',
		data: {
			appUrl: sim.appUrl,
			clientId: sim.clientId,
			clientSecret: sim.clientSecret,
			userAgent: 'n8n-test',
			accessToken: '',
			...overrides,
		},
	});
	return { helper, id, credentials: { yappliCrmApi: { id, name: 'Yappli' } } };
}

export type YappliCredentials = ReturnType<typeof yappliCredentials>;

export async function runYappli(
	setup: YappliCredentials,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode(
		{
			type: new YappliCrm(),
			parameters: parameters as never,
			credentials: setup.credentials,
			continueOnFail,
		},
		setup.helper,
		input,
	);
}

export function yappliTrigger(setup: YappliCredentials, parameters: IDataObject = {}) {
	return new PollingTriggerUnderTest(
		{
			type: new YappliCrmTrigger(),
			parameters: parameters as never,
			credentials: setup.credentials,
		},
		setup.helper,
	);
}
