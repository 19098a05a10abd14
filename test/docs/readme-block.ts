import { env, fs, path, projectRoot } from '../platform/node';

const readmePath = path.join(projectRoot, 'README.md');

/**
 * A generated README block: the text between `<!-- name:start -->` and `<!-- name:end -->` as it
 * is, and as `content` makes it. Tests compare the two so README cannot drift from the code;
 * with `UPDATE_README=1` a differing block is rewritten instead (and then compares equal).
 */
export function readmeBlock(name: string, content: string): { current: string; generated: string } {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const readme = fs.readFileSync(readmePath, 'utf8');
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
	const current = readme.slice(from, to + end.length);
	const generated = `${start}\n${content}\n${end}`;
	if (env.UPDATE_README === '1' && current !== generated) {
		fs.writeFileSync(readmePath, readme.replace(current, generated));
		return { current: generated, generated };
	}
	return { current, generated };
}
