import type { INodeProperties } from 'n8n-workflow';

const EVENT_FILTERS = ['all', 'created', 'updated'] as const;

/** The "Events" choice every trigger offers; items carry `event: created|updated` either way. */
export function triggerEventsProperty(created = 'Created'): INodeProperties {
	const labels: Record<(typeof EVENT_FILTERS)[number], string> = {
		all: `${created} and Updated`,
		created: `${created} Only`,
		updated: 'Updated Only',
	};
	return {
		displayName: 'Events',
		name: 'events',
		type: 'options',
		options: EVENT_FILTERS.map((value) => ({ name: labels[value], value })),
		default: 'all',
		description: 'Each output item has "event": "created" or "updated"',
	};
}
