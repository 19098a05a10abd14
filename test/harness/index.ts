export * from './credentials-helper';
export * from './execute';
export * from './node-types';
export * from './logs';
export * from './credential-test';
export * from './webhook';
