import type { IDataObject } from 'n8n-workflow';

import { CyzenApi } from '../../credentials/CyzenApi.credentials';
import { Cyzen } from '../../nodes/Cyzen/Cyzen.node';
import { CredentialTypesRegistry, runNode, TestCredentialsHelper } from '../harness';
import type { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';

let sequence = 0;

/** A credentials helper holding a cyzen credential for `sim` (budgets belong to the token). */
export function cyzenCredentials(
	sim: CyzenSimulator,
	{
		accessToken = sim.accessToken,
		requestsPerSecond = 4,
	}: { accessToken?: string; requestsPerSecond?: number } = {},
) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([new CyzenApi()]));
	const id = `cyzen-${++sequence}`;
	helper.add({
		id,
		name: 'cyzen',
		type: 'cyzenApi',
		data: { accessToken, companyId: sim.companyId, baseUrl: sim.baseUrl, requestsPerSecond },
	});
	return { helper, credentials: { cyzenApi: { id, name: 'cyzen' } } };
}

export type CyzenCredentials = ReturnType<typeof cyzenCredentials>;

export async function runCyzen(
	setup: CyzenCredentials,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode(
		{
			type: new Cyzen(),
			parameters: parameters as never,
			credentials: setup.credentials,
			continueOnFail,
		},
		setup.helper,
		input,
	);
}

/** The output records of a run. */
export const jsonOf = (result: { items: Array<{ json: unknown }> }) =>
	result.items.map((item) => item.json as IDataObject);
