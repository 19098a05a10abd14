import { fs, path, projectRoot } from '../platform/node';

/** README's promise to a newcomer: two commands, nothing to run before them. */
const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const section = readme.split(/^## /m).find((part) => part.startsWith('Quick start')) ?? '';
const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
	scripts: Record<string, string>;
};

test('the Quick start block is exactly `npm start` and `npm test`', () => {
	const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
	const commands = block
		.split('\n')
		.map((line) => line.replace(/#.*$/, '').trim())
		.filter(Boolean);
	expect(commands).toEqual(['npm start', 'npm test']);
	expect(section.slice(0, section.indexOf('```'))).not.toMatch(/`npm|`node|run .* (first|once)/i);
	expect(section).not.toMatch(/run `npm ci[^`]*` (once|first)/i);
});

test('both commands start with the bootstrap that sets up a fresh clone', () => {
	expect(packageJson.scripts.start).toMatch(/^node scripts\/bootstrap\.js(\s|&&)/);
	expect(packageJson.scripts.pretest).toMatch(/^node scripts\/bootstrap\.js(\s|&&)/);
});
