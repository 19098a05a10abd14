import { PackageDirectoryLoader } from 'n8n-core';
import type {
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	INodeParameters,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { NodeTypesRegistry } from '../harness/node-types';
import { projectRoot } from '../platform/node';

/**
 * What the editor shows of the built nodes before anyone opens them: the subtitle under a node
 * on the canvas, and a trigger's entries in the node panel. Both are computed here the way the
 * n8n 2.x editor does (useNodeHelpers.getNodeSubtitle, useActionsGenerator.triggersCategory).
 */
let loader: PackageDirectoryLoader;

beforeAll(async () => {
	loader = new PackageDirectoryLoader(projectRoot);
	await loader.loadAll();
});

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

/** The subtitle of a node with these parameters (the editor fills in the defaults first). */
function subtitleOf(description: INodeTypeDescription, chosen: INodeParameters) {
	const type = loader.nodeTypes[description.name].type;
	const node: INode = {
		id: 'n',
		name: description.defaults.name ?? description.displayName,
		type: description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	node.parameters =
		NodeHelpers.getNodeParameters(description.properties, chosen, true, false, node, description) ??
		{};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypesRegistry({ [description.name]: type }),
	});
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

/** The trigger's entries in n8n's node panel: its first Event(s)/Trigger On dropdown, else "On new … event". */
function panelEntriesOf(description: INodeTypeDescription): string[] {
	const listed = description.properties.find((property) =>
		['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()),
	);
	if (!listed?.options)
		return [`On new ${description.displayName.replace('Trigger', '').trimEnd()} event`];
	return optionsOf(listed).map((option) => option.action ?? `On ${option.name}`);
}

const actionNodes = () => loader.types.nodes.filter((node) => !node.group.includes('trigger'));
const triggers = () => loader.types.nodes.filter((node) => node.group.includes('trigger'));

test('every action node subtitle reads "Operation: Resource" in words, for every operation', () => {
	let checked = 0;
	for (const description of actionNodes()) {
		const resources = optionsOf(description.properties.find((p) => p.name === 'resource'));
		expect({ node: description.name, resources: resources.length }).not.toEqual({
			node: description.name,
			resources: 0,
		});
		for (const resource of resources) {
			const operations = description.properties.filter(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource ?? [resource.value]).includes(resource.value),
			);
			expect(operations).toHaveLength(1);
			for (const operation of optionsOf(operations[0])) {
				const chosen = { resource: resource.value, operation: operation.value };
				expect({
					node: description.name,
					...chosen,
					subtitle: subtitleOf(description, chosen),
				}).toEqual({
					node: description.name,
					...chosen,
					subtitle: `${operation.name}: ${resource.name}`,
				});
				checked++;
			}
		}
	}
	expect(checked).toBeGreaterThan(20);
});

/** "Get Many: Spot (スポット)": English words, each side optionally with the vendor's term in parentheses. */
const WORDS_SUBTITLE = /^[A-Z][A-Za-z ]+(?: \([^)]+\))?: [A-Z][A-Za-z ]+(?: \([^)]+\))?$/;

test('a freshly added node (defaults only) has a subtitle in words too', () => {
	for (const description of actionNodes()) {
		expect(String(subtitleOf(description, {}))).toMatch(WORDS_SUBTITLE);
	}
});

test('a trigger subtitle names what it watches, for every choice of it', () => {
	for (const description of triggers()) {
		const subtitle = description.subtitle ?? '';
		const referenced = [...subtitle.matchAll(/\$parameter\["(\w+)"\]/g)].map((match) => match[1]);
		if (referenced.length === 0) {
			expect({ node: description.name, subtitle }).toEqual({
				node: description.name,
				subtitle: expect.stringMatching(/^On [a-z ]+$/),
			});
			continue;
		}
		for (const name of referenced) {
			for (const option of optionsOf(description.properties.find((p) => p.name === name))) {
				expect({
					node: description.name,
					value: option.value,
					subtitle: subtitleOf(description, { [name]: option.value }),
				}).toEqual({
					node: description.name,
					value: option.value,
					subtitle: option.action,
				});
			}
		}
	}
});

/** Words of an entry that say what is watched, once "On", "new or updated", "change" are taken off. */
const GENERIC = new Set(['on', 'new', 'or', 'and', 'updated', 'created', 'only', 'change']);
const watchedWords = (entry: string) =>
	entry
		.toLowerCase()
		.split(/[^a-z]+/)
		.filter((word) => word && !GENERIC.has(word));

test('every trigger entry in the node panel says what it watches, as its description does', () => {
	expect(triggers().length).toBeGreaterThanOrEqual(4);
	for (const description of triggers()) {
		const text = description.description.toLowerCase();
		for (const entry of panelEntriesOf(description)) {
			const words = watchedWords(entry);
			const vendorWords = watchedWords(description.displayName.replace('Trigger', ''));
			expect({ node: description.name, entry, saysWhat: words.length > 0 }).toEqual({
				node: description.name,
				entry,
				saysWhat: true,
			});
			const missing = words.filter((word) => vendorWords.includes(word) || !text.includes(word));
			expect({ node: description.name, entry, notInDescription: missing }).toEqual({
				node: description.name,
				entry,
				notInDescription: [],
			});
		}
	}
});
