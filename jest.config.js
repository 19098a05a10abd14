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
	// Three test files at a time on two cores: most files spend their time waiting on vendor rate
	// limits or on an n8n process (a fresh-clone run with two workers kept the load average at 2-5
	// and took 1,091 s of jest for 2,095 s of test files). Each worker is its own process (its own
	// throttle state); simulators and n8n listen on free ports; no test asserts a duration.
	maxWorkers: 3,
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
