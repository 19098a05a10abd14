import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorTimeMs } from '@japan-saas/shared/dates';
import { maxRequestsPerSecondOption } from '@japan-saas/shared/descriptions/request-options';
import { triggerEventsProperty } from '@japan-saas/shared/descriptions/trigger-events';
import {
	changesSince,
	fingerprintsOf,
	type Fingerprints,
} from '@japan-saas/shared/polling/fingerprints';
import { collect } from '@japan-saas/shared/transport';

import { yappliPages, yappliRequest } from './transport/request';

const PAGE_SIZE = 1000;
const SAMPLE_SIZE = 5;

interface TriggerState {
	fingerprints?: Fingerprints;
}

/**
 * The state after this poll's read. Members cannot be deleted through the API, so a member known
 * before and missing now was most likely missed by the read: the list has no documented order,
 * and a member edited or registered while the trigger pages can shift the pages. Only when the
 * read holds as many members as the list's `total` are the missing ones really gone (deleted in
 * the admin screen). Otherwise they keep their last known state, so they come back neither as
 * "created" nor as a change they did not have.
 */
function merged(previous: Fingerprints, read: Fingerprints, missing: string[]): Fingerprints {
	const next: Fingerprints = { ...read };
	for (const id of missing) next[id] = previous[id];
	return next;
}

export class YappliCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yappli CRM Trigger',
		name: 'yappliCrmTrigger',
		icon: { light: 'file:../../icons/yappli.svg', dark: 'file:../../icons/yappli.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On new or updated members',
		description: 'Starts the workflow when Yappli CRM members are created or updated',
		defaults: { name: 'Yappli CRM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yappliCrmApi', required: true }],
		properties: [
			{
				displayName:
					'Yappli has no "changed since" filter, so each poll reads every member (1 request per 1,000 members) and compares updated_at with what it saw last time.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			triggerEventsProperty('Created', 'members'),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					maxRequestsPerSecondOption('Yappli CRM', 'default pace of 5 requests per second'),
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const requestOptions = {
			maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined,
		};
		const events = this.getNodeParameter('events', 'all') as string;

		if (this.getMode() === 'manual') {
			const page = await collect(yappliPages(this, '/users', 'members', 100, {}, requestOptions), {
				returnAll: false,
				limit: 100,
			});
			const newest = page
				.sort((a, b) => (vendorTimeMs(b.updated_at) ?? 0) - (vendorTimeMs(a.updated_at) ?? 0))
				.slice(0, SAMPLE_SIZE)
				.map((member) => ({
					...member,
					event: member.created_at === member.updated_at ? 'created' : 'updated',
				}));
			return newest.length ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const members = await collect(
			yappliPages(this, '/users', 'members', PAGE_SIZE, {}, requestOptions),
			{ returnAll: true },
		);
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const previous = state.fingerprints;
		const read = fingerprintsOf(members);
		const missing = Object.keys(previous ?? {}).filter((id) => read[id] === undefined);
		let next = read;
		if (previous && missing.length > 0) {
			const { total } = await yappliRequest<{ total?: unknown }>(
				this,
				'GET',
				'/users',
				{ qs: { page: 1, per_page: 1 } },
				requestOptions,
			);
			const count = Object.keys(read).length;
			if (typeof total !== 'number' || count < total) {
				next = merged(previous, read, missing);
				this.logger.warn(
					`Yappli CRM Trigger: this poll read ${count} of ${String(total)} members (the list changed while it was paged); ${missing.length} member(s) missing from the read keep their last known state and are compared again at the next poll`,
				);
			}
		}
		state.fingerprints = next;
		// The first poll after activation only learns the members; it emits nothing.
		if (!previous) return null;

		const changes = changesSince(previous, members).filter(
			(change) => events === 'all' || change.event === events,
		);
		if (changes.length === 0) return null;
		return [
			this.helpers.returnJsonArray(changes.map(({ record, event }) => ({ ...record, event }))),
		];
	}
}
