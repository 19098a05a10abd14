// This package as it was at an earlier git revision, built beside the checkout, so a benchmark
// can install it into n8n instead of the current code (the load test's `per-process` setting
// measures the throttle from before adaptive control that way). Read-only for git: the revision
// is exported with `git archive`, no worktree or branch is created.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The built checkout of `revision` (a commit), in .cache/revisions/<commit>; built once. */
export function builtRevision(root, revision, log = () => undefined) {
	const commit = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], { cwd: root }).toString().trim();
	const dir = join(root, '.cache', 'revisions', commit);
	if (existsSync(join(dir, 'dist', 'credentials', 'MazricaApi.credentials.js'))) return dir;
	log(`building the package at ${commit.slice(0, 7)} in ${dir}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 1 << 30 });
	execFileSync('tar', ['-x', '-C', dir], { input: archive });
	// The same toolchain (tsc, gulp, tsc-alias); tsconfig's paths resolve @japan-saas/shared to the
	// revision's own nodes/shared, not to the package the link in node_modules points at.
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: dir, stdio: 'inherit' });
	return dir;
}
