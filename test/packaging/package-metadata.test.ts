import { PackageDirectoryLoader } from 'n8n-core';

import { childProcess, fs, path, projectRoot } from '../platform/node';

/**
 * What npm shows about the package before anyone installs it: the licence file that goes with
 * the tarball, and a description and keywords that name exactly the vendors whose nodes ship.
 */
const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
	license: string;
	description: string;
	keywords: string[];
};

/** Every vendor this project is about, shipped or not yet (display name as in the node). */
const VENDORS = ['Mazrica', 'SATORI', 'cyzen', 'Yappli CRM', 'RODEM'];
const keywordOf = (vendor: string) => vendor.split(' ')[0].toLowerCase();

test('the tarball carries the MIT licence that package.json names', () => {
	expect(packageJson.license).toBe('MIT');
	const licence = fs.readFileSync(path.join(projectRoot, 'LICENSE'), 'utf8');
	expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
	expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
	const [packed] = JSON.parse(
		childProcess.execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: projectRoot,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as Array<{ files: Array<{ path: string }> }>;
	expect(packed.files.map((file) => file.path)).toEqual(
		expect.arrayContaining(['LICENSE', 'README.md', 'package.json']),
	);
});

test('description and keywords name the vendors whose nodes ship, and no other', async () => {
	const loader = new PackageDirectoryLoader(projectRoot);
	await loader.loadAll();
	const shipped = loader.types.nodes
		.filter((node) => !node.group.includes('trigger'))
		.map((node) => node.displayName);
	expect(VENDORS).toEqual(expect.arrayContaining(shipped));
	for (const vendor of VENDORS) {
		const ships = shipped.includes(vendor);
		expect({ vendor, inDescription: packageJson.description.includes(vendor) }).toEqual({
			vendor,
			inDescription: ships,
		});
		expect({ vendor, inKeywords: packageJson.keywords.includes(keywordOf(vendor)) }).toEqual({
			vendor,
			inKeywords: ships,
		});
	}
	expect(packageJson.keywords).toContain('n8n-community-node-package');
});
