import { DateTime } from 'luxon';

import type { CyzenSimulator } from './cyzen/cyzen-simulator';
import { formatUtc, HOUR } from './cyzen/time';
import { blankSpot } from './cyzen/store';
import type { MazricaSimulator } from './mazrica/mazrica-simulator';

/** Mazrica customers the demo links to cyzen spots, each visited once in the last hours. */
export const DEMO_LINKED_VISITS = 3;

/**
 * Links the two demo tenants as example 13 (Mazrica customers → cyzen spots) does: a cyzen spot
 * coded `MZ-<customer id>` and named after the customer, for the customers changed most recently
 * that have an open deal, and one visit report (訪問報告) filed at each spot in the last hours, so
 * that example 14 (cyzen visit reports → Mazrica deal actions) shows actions on its first run.
 * Every time lies before the real clock. Returns the ids of the reports filed.
 */
export function seedLinkedVisits(
	cyzen: CyzenSimulator,
	mazrica: MazricaSimulator,
	now: number,
	count = DEMO_LINKED_VISITS,
): string[] {
	const { store } = mazrica;
	const isOpen = (deal: { dealTypeId: number; phaseId: number }) =>
		!store.dealTypes.get(deal.dealTypeId)?.phases.find((p) => p.id === deal.phaseId)?.endType;
	const withOpenDeal = new Set([...store.deals.values()].filter(isOpen).map((d) => d.customerId));
	const customers = [...store.customers.values()]
		.filter((c) => withOpenDeal.has(c.id))
		.sort((a, b) => b.updatedAt - a.updatedAt)
		.slice(0, count);
	return customers.map((customer, i) => {
		// Filed 1, 2, 3 … hours ago; the spot registered an hour before its visit.
		const filedAt = now - (i + 1) * HOUR;
		const spot = {
			...blankSpot(cyzen.store.newId(), customer.name, formatUtc(filedAt - HOUR)),
			spot_code: `MZ-${customer.id}`,
			tel: customer.telNo ?? null,
			address: customer.address ?? null,
		};
		cyzen.store.spots.set(spot.spot_id, spot);
		const visitStart = DateTime.fromMillis(filedAt - HOUR, { zone: 'Asia/Tokyo' }).toFormat('HH:mm');
		const report = cyzen.app.submitReport({
			spotId: spot.spot_id,
			items: { 訪問開始時刻: visitStart },
		});
		report.created_at = formatUtc(filedAt);
		report.updated_at = report.created_at;
		return report.report_id;
	});
}
