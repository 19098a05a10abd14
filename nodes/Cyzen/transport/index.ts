/** What the cyzen node and trigger use to reach cyzen: one connection, one request, one lister. */
export { cyzenConnection, cyzenProfile } from './profile';
export { cyzenRequest } from './request';
export { listCyzenChanges, type CyzenChangeSource, type CyzenChanges } from './changes';
export { listRecords, rangeOfQuery, RangeRefused, type ListRun, type SkippedDay } from './list';
export {
	CYZEN_TIME_LAYOUT,
	CYZEN_ZONE,
	createdAtOf,
	fromCyzenTime,
	toCyzenTime,
	withCreatedAt,
	withIsoTimes,
	type OutputZone,
} from './times';
export { splitIntoWindows, utcDaysOf, type TimeRange, type WindowRule } from './windows';
