import { PackageDirectoryLoader } from 'n8n-core';

import { fs, path, projectRoot } from '../platform/node';

/**
 * Loads the built package the way n8n loads an installed community package, so a wrong path in
 * package.json → n8n, a missing codex or icon, or a credential name mismatch fails here rather
 * than in a user's n8n. `npm test` builds dist/ first.
 */
const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

/** The loader turns `file:` icons into `icons/<package>/<path>` URLs; each must name a real file. */
function expectIconFiles(iconUrl: unknown) {
	const { light, dark } = iconUrl as { light: string; dark: string };
	expect(light).not.toBe(dark);
	for (const url of [light, dark]) {
		expect(url).toMatch(new RegExp(`^icons/${packageJson.name}/dist/icons/`));
		expect(
			fs.existsSync(path.join(projectRoot, url.replace(`icons/${packageJson.name}/`, ''))),
		).toBe(true);
	}
}

describe('the built package', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(projectRoot);
		await loader.loadAll();
	});

	test('registers every node named in package.json, with its codex and existing icons', () => {
		const nodeNames = packageJson.n8n.nodes.map((file) => path.basename(file, '.node.js'));
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(
			nodeNames.map((name) => name.charAt(0).toLowerCase() + name.slice(1)).sort(),
		);
		for (const description of loader.types.nodes) {
			expect(description.codex?.categories?.length).toBeGreaterThan(0);
			expectIconFiles(description.iconUrl);
		}
		expect(loader.types.nodes.map((d) => d.name).sort()).toEqual(
			Object.keys(loader.nodeTypes).sort(),
		);
	});

	test('registers every credential named in package.json, with its icon', () => {
		const credentialNames = packageJson.n8n.credentials.map((file) =>
			path.basename(file, '.credentials.js'),
		);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(
			credentialNames.map((name) => name.charAt(0).toLowerCase() + name.slice(1)).sort(),
		);
		for (const credential of loader.types.credentials) {
			expectIconFiles(credential.iconUrl);
			expect(loader.credentialTypes[credential.name].type.test).toBeDefined();
		}
	});

	test('registers the SATORI node, trigger and credential, found by their Japanese names', () => {
		expect(Object.keys(loader.nodeTypes)).toEqual(expect.arrayContaining(['satori', 'satoriTrigger']));
		expect(Object.keys(loader.credentialTypes)).toContain('satoriApi');
		for (const name of ['satori', 'satoriTrigger']) {
			const codex = loader.types.nodes.find((d) => d.name === name)?.codex;
			expect(codex?.alias).toEqual(expect.arrayContaining(['サトリ', 'リード', 'マーケティング']));
		}
		const trigger = loader.types.nodes.find((d) => d.name === 'satoriTrigger');
		expect(trigger?.webhooks?.[0]).toEqual(expect.objectContaining({ httpMethod: 'POST', path: 'satori' }));
	});

	test('registers the cyzen Trigger, found by its Japanese names, polling with the cyzen credential', () => {
		const trigger = loader.types.nodes.find((d) => d.name === 'cyzenTrigger');
		expect(trigger?.polling).toBe(true);
		expect(trigger?.credentials).toEqual([{ name: 'cyzenApi', required: true }]);
		expect(trigger?.codex?.alias).toEqual(
			expect.arrayContaining(['報告書', '日報', '訪問', 'スポット', '予定']),
		);
	});

	test('ships no test code, simulators or undici in dist', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else files.push(full);
			}
		};
		walk(path.join(projectRoot, 'dist'));
		const code = files.filter((file) => file.endsWith('.js'));
		expect(code.length).toBeGreaterThan(0);
		for (const file of code) {
			const text = fs.readFileSync(file, 'utf8');
			expect(text).not.toMatch(/require\("(undici|n8n-core|@japan-saas\/shared[^"]*)"\)/);
			expect(file).not.toMatch(/[/\\]test[/\\]/);
		}
	});
});
