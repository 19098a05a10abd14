// This package as it was at an earlier git revision, built beside the checkout, so a benchmark
// can install it into n8n instead of the current code (the load test's `per-process` setting
// measures the throttle from before adaptive control that way). Read-only for git: the revision
// is exported with `git archive`, no worktree or branch is created.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { scratchDir } = createRequire(import.meta.url)('../scripts/n8n/n8n.js');

/**
 * The built checkout of `revision` (a commit), in <scratch>/revisions/<commit>[-<variant>], outside
 * the project (inside it, `n8n-node lint`, which ignores no folder, would lint the exported sources
 * and fail `npm test`); built once. `patch(dir)` changes the exported sources before the build (a variant of the revision).
 */
export function builtRevision(root, revision, log = () => undefined, variant = undefined) {
	const commit = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], { cwd: root }).toString().trim();
	const dir = join(scratchDir('revisions'), variant ? `${commit}-${variant.name}` : commit);
	if (existsSync(join(dir, 'dist', 'credentials', 'MazricaApi.credentials.js'))) return dir;
	log(`building the package at ${commit.slice(0, 7)}${variant ? ` (${variant.name})` : ''} in ${dir}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 1 << 30 });
	execFileSync('tar', ['-x', '-C', dir], { input: archive });
	variant?.patch(dir);
	// The same toolchain (tsc, gulp, tsc-alias); tsconfig's paths resolve @japan-saas/shared to the
	// revision's own nodes/shared, not to the package the link in node_modules points at.
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: dir, stdio: 'inherit' });
	return dir;
}

/**
 * This checkout's HEAD with adaptive control switched off: a refusal cuts the share by a factor of
 * 1, so every process keeps the full credential rate on its own bucket (the behaviour before
 * issue 13, for vendors no earlier revision has). Fails when the constant is not found.
 */
export function builtWithoutAdaptiveControl(root, log) {
	return builtRevision(root, 'HEAD', log, {
		name: 'without-adaptive-control',
		patch(dir) {
			const file = join(dir, 'nodes', 'shared', 'transport', 'adaptive-rate.ts');
			const source = readFileSync(file, 'utf8');
			const patched = source.replace(/\bdecrease: 0\.\d+,/, 'decrease: 1,');
			if (patched === source) throw new Error(`ADAPTIVE_CONTROL.decrease not found in ${file}`);
			writeFileSync(file, patched);
		},
	});
}
