/** Settings every test file runs with. */
const project = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	moduleNameMapper: {
		'^@japan-saas/shared/(.*)$': '<rootDir>/nodes/shared/$1',
	},
};

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 60_000,
	// Tests share loopback ports and the process-wide throttle; one worker keeps timings honest on 2 cores.
	maxWorkers: 1,
	reporters: ['default', '<rootDir>/test/platform/summary-reporter.js'],
	projects: [
		{ ...project, displayName: 'tests' },
		// The Yappli tutorial's "members > member" / "points > point" tables can be read as plain list
		// items or as {member: {…}} / {point: {…}} wrappers: the Yappli node suite runs under both.
		{
			...project,
			displayName: 'yappli, wrapped list items',
			testMatch: ['<rootDir>/test/yappli/**/*.test.ts'],
			setupFiles: ['<rootDir>/test/simulators/yappli/wrapped-list-items.js'],
		},
	],
};
