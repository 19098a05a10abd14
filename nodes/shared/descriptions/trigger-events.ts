import type { INodeProperties } from 'n8n-workflow';

const EVENT_FILTERS = ['all', 'created', 'updated'] as const;

/**
 * The "Events" choice every trigger offers; items carry `event: created|updated` either way.
 * With `subject` ("members"), each choice is also an entry of n8n's node panel ("On new or
 * updated members"), which lists a trigger's first "Events"/"Trigger On" dropdown by its actions.
 */
export function triggerEventsProperty(created = 'Created', subject?: string): INodeProperties {
	const labels: Record<(typeof EVENT_FILTERS)[number], string> = {
		all: `${created} and Updated`,
		created: `${created} Only`,
		updated: 'Updated Only',
	};
	const actions: Record<(typeof EVENT_FILTERS)[number], string> = {
		all: 'new or updated',
		created: 'new',
		updated: 'updated',
	};
	return {
		displayName: 'Events',
		name: 'events',
		type: 'options',
		options: EVENT_FILTERS.map((value) => ({
			name: labels[value],
			value,
			...(subject && { action: `On ${actions[value]} ${subject}` }),
		})),
		default: 'all',
		description: 'Each output item has "event": "created" or "updated"',
	};
}
