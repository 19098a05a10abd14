import type { IDataObject, ICredentialType } from 'n8n-workflow';

import { CyzenTrigger } from '../../nodes/Cyzen/CyzenTrigger.node';
import { CredentialTypesRegistry, PollingTriggerUnderTest, TestCredentialsHelper } from '../harness';
import type { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';

// TEMPORARY stand-in for credentials/CyzenApi.credentials.ts (h/cyzen-node) until it is merged.
const cyzenApi: ICredentialType = {
	name: 'cyzenApi',
	displayName: 'cyzen API',
	properties: [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Access Token', name: 'accessToken', type: 'string', default: '' },
		{ displayName: 'Company ID', name: 'companyId', type: 'string', default: '' },
	],
	authenticate: {
		type: 'generic',
		properties: {
			headers: { Authorization: '=bearer {{$credentials.accessToken}}' },
			qs: { company_id: '={{$credentials.companyId}}' },
		},
	},
};

let sequence = 0;

/** A credentials helper holding a cyzen credential for `sim` (its own token: its own budget). */
export function cyzenCredentials(sim: CyzenSimulator, accessToken = sim.accessToken) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([cyzenApi]));
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
