import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/**
 * "n8n processes sharing this key", on every vendor credential. n8n gives community nodes no state
 * shared between processes, so in queue mode each worker (and the main, for triggers) paces the
 * key on its own; told how many do, each keeps to its part of the vendor's budget.
 */
export const processesSharingKeyProperty: INodeProperties = {
	displayName: 'N8n Processes Sharing This Key',
	name: 'processesSharingKey',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 1,
	description:
		'How many n8n processes (in queue mode: the workers, plus the main if its triggers use this key) send requests with this key; each keeps to its share of the rate, burst and daily quota',
};

/**
 * The credential's "n8n processes sharing this key": 1 when it is not set (a credential saved
 * before the field existed), undefined when it is not a whole number of at least 1.
 */
export function processesSharingKeyOf(
	credentials: ICredentialDataDecryptedObject,
): number | undefined {
	const value = credentials[processesSharingKeyProperty.name];
	if (value === undefined || value === null || value === '') return 1;
	const processes = Number(value);
	return Number.isInteger(processes) && processes >= 1 ? processes : undefined;
}
