import type { IDataObject } from 'n8n-workflow';

import { CyzenApi } from '../../credentials/CyzenApi.credentials';

import { CyzenTrigger } from '../../nodes/Cyzen/CyzenTrigger.node';
import {
	CredentialTypesRegistry,
	PollingTriggerUnderTest,
	TestCredentialsHelper,
} from '../harness';
import type { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';

let sequence = 0;

/** A credentials helper holding a cyzen credential for `sim` (its own token: its own budget). */
export function cyzenCredentials(sim: CyzenSimulator, accessToken = sim.accessToken) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([new CyzenApi()]));
	const id = `cyzen-${++sequence}`;
	helper.add({
		id,
		name: 'cyzen',
		type: 'cyzenApi',
		data: { baseUrl: sim.baseUrl, accessToken, companyId: sim.companyId },
	});
	return { helper, credentials: { cyzenApi: { id, name: 'cyzen' } } };
}

export type CyzenCredentials = ReturnType<typeof cyzenCredentials>;

export function cyzenTrigger(setup: CyzenCredentials, parameters: IDataObject) {
	return new PollingTriggerUnderTest(
		{ type: new CyzenTrigger(), parameters: parameters as never, credentials: setup.credentials },
		setup.helper,
	);
}
