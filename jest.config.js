/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	moduleNameMapper: {
		'^@japan-saas/shared/(.*)$': '<rootDir>/nodes/shared/$1',
	},
	testTimeout: 60_000,
	// Tests share loopback ports and the process-wide throttle; one worker keeps timings honest on 2 cores.
	maxWorkers: 1,
	reporters: ['default', '<rootDir>/test/platform/summary-reporter.js'],
};
