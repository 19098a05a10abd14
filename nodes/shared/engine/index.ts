export * from './types';
export { EndpointEngine } from './engine';
export { bodyCollectionOf, isWrite, layoutOf, parameterName } from './layout';
export { fieldProperty } from './field-properties';
export { operationDescription } from './node-properties';
export { isEmpty } from './encode-field';
export { locatorValue } from './item-parameters';
export { explainingMissingCredential, missingCredential } from './missing-credential';
export { nextKeyPager, PageTokenRepeated } from './paging';
