export * from './errors';
export * from './multipart';
export * from './pagination';
export * from './redact';
export * from './request';
export * from './retry-policy';
export * from './throttle';
export * from './vendor-profile';
