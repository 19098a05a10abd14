import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * A subtitle expression that looks the words up in a fixed table: n8n evaluates the subtitle
 * against the node's parameters, which hold values ("getAll", "deal"), not the names the user
 * chose from. The table is a flat JSON object, so no "}}" ends n8n's expression early.
 */
function lookupSubtitle(labels: Record<string, string>, keyExpression: string): string {
	return `={{ ${JSON.stringify(labels)}[${keyExpression}] }}`;
}

function optionsOf(property: INodeProperties): INodePropertyOptions[] {
	return (property.options ?? []).filter(
		(option): option is INodePropertyOptions => 'value' in option,
	);
}

/**
 * "Get Many: Deal" for every operation of every resource, from the node's own Resource and
 * Operation dropdowns.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resources = properties.find((property) => property.name === 'resource');
	const resourceNames = new Map(
		optionsOf(resources ?? ({} as INodeProperties)).map(({ value, name }) => [String(value), name]),
	);
	const labels: Record<string, string> = {};
	for (const property of properties.filter(({ name }) => name === 'operation')) {
		const shownFor = (property.displayOptions?.show?.resource ?? [
			...resourceNames.keys(),
		]) as string[];
		for (const resource of shownFor) {
			for (const { value, name } of optionsOf(property)) {
				labels[`${resource}:${String(value)}`] =
					`${name}: ${resourceNames.get(resource) ?? resource}`;
			}
		}
	}
	return lookupSubtitle(labels, '$parameter["resource"] + ":" + $parameter["operation"]');
}

/** The chosen option's action ("On deal change") of a trigger's Trigger On dropdown. */
export function triggerOnSubtitle(property: INodeProperties): string {
	const labels = Object.fromEntries(
		optionsOf(property).map(({ value, name, action }) => [String(value), action ?? name]),
	);
	return lookupSubtitle(labels, `$parameter["${property.name}"]`);
}

/**
 * A trigger's "Trigger On" dropdown, sorted by name: n8n's node panel lists one entry per choice,
 * worded by its `action` ("On deal change").
 */
export function triggerOnProperty(
	name: string,
	choices: Array<Pick<INodePropertyOptions, 'name' | 'value' | 'action'>>,
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Trigger On',
		name,
		type: 'options',
		noDataExpression: true,
		options: choices
			.map(({ name, value, action }) => ({ name, value, action }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
	};
}
