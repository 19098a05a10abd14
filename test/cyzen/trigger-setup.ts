import type { IDataObject } from 'n8n-workflow';

import { CyzenTrigger } from '../../nodes/Cyzen/CyzenTrigger.node';
import { PollingTriggerUnderTest } from '../harness';
import type { CyzenCredentials } from './setup';

export { cyzenCredentials } from './setup';

export function cyzenTrigger(setup: CyzenCredentials, parameters: IDataObject) {
	return new PollingTriggerUnderTest(
		{ type: new CyzenTrigger(), parameters: parameters as never, credentials: setup.credentials },
		setup.helper,
	);
}
