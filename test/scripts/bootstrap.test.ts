import { dependenciesOutOfDate } from '../../scripts/bootstrap';
import { fs, os, path } from '../platform/node';

/**
 * When `npm start` / `npm test` reinstall the dependencies: node_modules missing, or not what
 * package-lock.json says (npm records what it installed in node_modules/.package-lock.json).
 */
const made: string[] = [];
afterAll(() => {
	for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function project(lock: Record<string, object>, installed?: Record<string, object>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bootstrap-'));
	made.push(dir);
	const write = (file: string, packages: Record<string, object>) =>
		fs.writeFileSync(file, JSON.stringify({ lockfileVersion: 3, packages }));
	write(path.join(dir, 'package-lock.json'), { '': { name: 'x' }, ...lock });
	if (installed) {
		fs.mkdirSync(path.join(dir, 'node_modules'));
		write(path.join(dir, 'node_modules', '.package-lock.json'), installed);
	}
	return dir;
}

const jest29 = { 'node_modules/jest': { version: '29.7.0' } };

test('a fresh clone: node_modules is missing', () => {
	expect(dependenciesOutOfDate(project(jest29))).toBe('node_modules is missing');
});

test('installed as the lockfile says: nothing to do, optional packages of other platforms may be absent', () => {
	const lock = { ...jest29, 'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true } };
	expect(dependenciesOutOfDate(project(lock, jest29))).toBeUndefined();
});

test('the lockfile changed after the install: another version, a new package, a removed one', () => {
	expect(dependenciesOutOfDate(project({ 'node_modules/jest': { version: '30.0.0' } }, jest29))).toBe(
		'jest is 29.7.0, the lockfile wants 30.0.0',
	);
	expect(
		dependenciesOutOfDate(project({ ...jest29, 'node_modules/puppeteer-core': { version: '24.43.1' } }, jest29)),
	).toBe('puppeteer-core is not installed');
	expect(
		dependenciesOutOfDate(project(jest29, { ...jest29, 'node_modules/gone': { version: '1.0.0' } })),
	).toBe('gone is installed but no longer in the lockfile');
});

test('a linked workspace package is compared by where it points', () => {
	const link = { 'node_modules/@japan-saas/shared': { resolved: 'nodes/shared', link: true } };
	expect(dependenciesOutOfDate(project(link, link))).toBeUndefined();
	expect(
		dependenciesOutOfDate(
			project(link, { 'node_modules/@japan-saas/shared': { resolved: 'elsewhere', link: true } }),
		),
	).toBe('@japan-saas/shared is elsewhere, the lockfile wants nodes/shared');
});

test('node_modules made by hand, without npm, counts as out of date', () => {
	const dir = project(jest29);
	fs.mkdirSync(path.join(dir, 'node_modules'));
	expect(dependenciesOutOfDate(dir)).toBe('node_modules was not installed by npm from the lockfile');
});

test('this clone is installed from its lockfile', () => {
	expect(dependenciesOutOfDate()).toBeUndefined();
});
