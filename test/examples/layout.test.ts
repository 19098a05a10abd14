import { fs, path, projectRoot } from '../platform/node';

/**
 * The example workflows as the editor draws them: no sticky note lies over a node or its label
 * (a note over the Manual Trigger hides the button a newcomer has to click).
 */
interface ExampleNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** n8n draws a node 100×100 from its position, with its name and subtitle centred below it. */
const NODE = { size: 100, labelWidth: 180, labelHeight: 70 };
/** n8n's defaults for a sticky note without a size. */
const STICKY = { width: 240, height: 160 };

function footprint(node: ExampleNode): Rect {
	const [x, y] = node.position;
	if (node.type === 'n8n-nodes-base.stickyNote') {
		return {
			left: x,
			top: y,
			right: x + (node.parameters.width ?? STICKY.width),
			bottom: y + (node.parameters.height ?? STICKY.height),
		};
	}
	const labelOverhang = (NODE.labelWidth - NODE.size) / 2;
	return {
		left: x - labelOverhang,
		top: y,
		right: x + NODE.size + labelOverhang,
		bottom: y + NODE.size + NODE.labelHeight,
	};
}

const overlaps = (a: Rect, b: Rect) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const examplesDir = path.join(projectRoot, 'examples');
const files = fs.readdirSync(examplesDir).filter((file) => file.endsWith('.json'));

test.each(files)('%s: sticky notes cover no node', (file) => {
	const { nodes } = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')) as {
		nodes: ExampleNode[];
	};
	const stickies = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
	expect(stickies.length).toBeGreaterThan(0);
	const covered = stickies.flatMap((sticky) =>
		nodes
			.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')
			.filter((n) => overlaps(footprint(sticky), footprint(n)))
			.map((n) => `${sticky.name} covers ${n.name}`),
	);
	expect(covered).toEqual([]);
});
