import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { maxRequestsPerSecondOption } from '@japan-saas/shared/descriptions/request-options';
import { triggerEventsProperty } from '@japan-saas/shared/descriptions/trigger-events';

import { loadOptions } from './methods/load-options';
import { newestRecords, pollChanges, type PollSettings } from './trigger/poll-changes';
import { TRIGGER_SOURCES } from './trigger/sources';
import { changeTime, type WatermarkState } from './trigger/watermark';

const SAMPLE_SIZE = 5;

function tag(
	record: IDataObject,
	source: string,
	timeField: string,
	since: number | undefined,
): IDataObject {
	const created = changeTime(record, 'createdAt');
	const changed = changeTime(record, timeField);
	const isNew =
		source === 'auditLog' ||
		(since !== undefined && created !== undefined
			? created >= since
			: created !== undefined && created === changed);
	return { ...record, event: isNew ? 'created' : 'updated' };
}

export class MazricaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mazrica Trigger',
		name: 'mazricaTrigger',
		icon: { light: 'file:../../icons/mazrica.svg', dark: 'file:../../icons/mazrica.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On new or updated " + $parameter["source"]}}',
		description:
			'Starts the workflow when Mazrica records are created or updated, or new audit-log entries appear',
		defaults: { name: 'Mazrica Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mazricaApi', required: true }],
		properties: [
			{
				displayName: 'Watch',
				name: 'source',
				type: 'options',
				noDataExpression: true,
				options: TRIGGER_SOURCES.map(({ name, value }) => ({ name, value })).sort((a, b) =>
					a.name.localeCompare(b.name),
				),
				default: 'deal',
			},
			{
				displayName: 'Custom Object Definition Name or ID',
				name: 'custom_object_def_key',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomObjectDefinitions' },
				required: true,
				default: '',
				description:
					'Which custom object to watch. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { source: ['customObject'] } },
			},
			{ ...triggerEventsProperty(), displayOptions: { hide: { source: ['auditLog'] } } },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Records per Poll',
						name: 'maxRecordsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 5000,
						description:
							'For customers, contacts and deals: emit at most this many changes per poll and continue from there at the next poll',
					},
					maxRequestsPerSecondOption('Mazrica', 'documented 3 requests per second'),
				],
			},
		],
	};

	methods = { loadOptions: { getCustomObjectDefinitions: loadOptions.getCustomObjectDefinitions } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const sourceValue = this.getNodeParameter('source') as string;
		const source = TRIGGER_SOURCES.find((s) => s.value === sourceValue);
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown source "${sourceValue}"`);
		const definitionKey =
			source.value === 'customObject'
				? (this.getNodeParameter('custom_object_def_key') as string)
				: '';
		if (source.value === 'customObject' && !definitionKey) {
			throw new NodeOperationError(this.getNode(), '"Custom Object Definition" is required');
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const settings: PollSettings = {
			source,
			path: source.path.replace('{key}', encodeURIComponent(definitionKey)),
			signature: `${source.value}:${definitionKey}`,
			maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined,
			maxRecordsPerPoll: Number(options.maxRecordsPerPoll) || 5000,
		};
		const events =
			source.value === 'auditLog' ? 'all' : (this.getNodeParameter('events', 'all') as string);

		if (this.getMode() === 'manual') {
			const sample = (await newestRecords(this, settings)).slice(0, SAMPLE_SIZE);
			const tagged = sample.map((record) => tag(record, source.value, source.timeField, undefined));
			return tagged.length ? [this.helpers.returnJsonArray(tagged)] : null;
		}

		const state = this.getWorkflowStaticData('node') as WatermarkState;
		if (state.watermark === undefined || state.source !== settings.signature) {
			// First poll after activation (or after the watched source changed): start from the
			// newest change that exists, without replaying history.
			const newest = await newestRecords(this, settings);
			const times = newest
				.map((r) => changeTime(r, source.timeField))
				.filter((t): t is number => t !== undefined);
			const watermark = times.length ? Math.max(...times) : Date.now();
			Object.assign(state, {
				source: settings.signature,
				watermark,
				seenAtWatermark: newest
					.filter((r) => changeTime(r, source.timeField) === watermark)
					.map((r) => r.id),
			});
			return null;
		}

		const since = state.watermark;
		const ledger = await pollChanges(this, settings, state);
		if (ledger.size === 0) return null;
		Object.assign(state, ledger.nextState(settings.signature));
		const tagged = ledger.emitted
			.map((record) => tag(record, source.value, source.timeField, since))
			.filter((record) => events === 'all' || record.event === events);
		return tagged.length ? [this.helpers.returnJsonArray(tagged)] : null;
	}
}
