import type { IDataObject } from 'n8n-workflow';

import { SatoriApi } from '../../credentials/SatoriApi.credentials';
import { Satori } from '../../nodes/Satori/Satori.node';
import { CredentialTypesRegistry, runNode, TestCredentialsHelper } from '../harness';
import type { SatoriSimulator } from '../simulators/satori/satori-simulator';

let sequence = 0;

/** A satoriApi credential for one of the simulator's users (0 admin, 1 own-only, 2 no bulk). */
export function satoriCredentials(sim: SatoriSimulator, userIndex = 0, overrides: IDataObject = {}) {
	const helper = new TestCredentialsHelper(new CredentialTypesRegistry([new SatoriApi()]));
	const id = `satori-${++sequence}`;
	helper.add({
		id,
		name: 'SATORI',
		type: 'satoriApi',
		data: { ...sim.keysOf(userIndex), baseUrl: sim.baseUrl, ...overrides },
	});
	return { helper, id, credentials: { satoriApi: { id, name: 'SATORI' } } };
}

export type SatoriCredentials = ReturnType<typeof satoriCredentials>;

export async function runSatori(
	setup: SatoriCredentials,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	continueOnFail = false,
) {
	return await runNode(
		{
			type: new Satori(),
			parameters: parameters as never,
			credentials: setup.credentials,
			continueOnFail,
		},
		setup.helper,
		input,
	);
}
