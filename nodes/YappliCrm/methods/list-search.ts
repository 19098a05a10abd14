import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { vendorResponseOf } from '@japan-saas/shared/transport';

import { yappliMember, yappliPage } from '../transport/request';
import { customFieldNames, fieldText } from '../transport/shapes';
import { lacksCredential, setCredentialFirst } from './credential';

/** Browsing without a search: one screenful per call. */
const BROWSE_PAGE_SIZE = 100;
/** Yappli has no member search, so a search reads the member list at its largest page size. */
const SEARCH_PAGE_SIZE = 1000;
/** Pages one search call reads at most (5,000 members, about a second at 5 requests/s); scrolling reads on. */
const SEARCH_PAGES_PER_CALL = 5;
/** A search call stops reading once it has this many matches; scrolling reads on. */
const ENOUGH_MATCHES = 50;
const SHOWN_VALUE_LENGTH = 40;

/** Why a member matched: a custom field is named in the label, so the user sees what matched. */
type Match = { column?: string; value?: string };

function matchOf(member: IDataObject, query: string): Match | undefined {
	const needle = query.toLowerCase();
	const contains = (value: unknown) => fieldText(value).toLowerCase().includes(needle);
	if (fieldText(member.id) === query || contains(member.unique_id) || contains(member.login_id))
		return {};
	const column = customFieldNames(member).find((name) => contains(member[name]));
	return column ? { column, value: fieldText(member[column]) } : undefined;
}

function shown(text: string): string {
	return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}

/** "C100012 · hanako@example.com (ID 12)", plus "— column04: …" when a custom field matched. */
function memberItem(member: IDataObject, match: Match = {}): INodeListSearchItems {
	const who = [fieldText(member.unique_id), fieldText(member.login_id)].filter(Boolean).join(' · ');
	const via = match.column ? ` — ${match.column}: ${shown(match.value ?? '')}` : '';
	return {
		name: `${who || 'no unique ID or login ID'} (ID ${fieldText(member.id)})${via}`,
		value: fieldText(member.id),
	};
}

/** The member whose unique ID is exactly the search, if any (顧客詳細(ユニークID); 404 when none). */
async function byUniqueId(
	context: ILoadOptionsFunctions,
	query: string,
): Promise<IDataObject | undefined> {
	try {
		return await yappliMember(context, 'GET', `/users/unique_id/${encodeURIComponent(query)}`);
	} catch (error) {
		if (vendorResponseOf(error).status === 404) return undefined;
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

/**
 * The member picker's list (resource locator, mode "From List"). Without a search it pages
 * through the members; with one it first asks for the member with exactly that unique ID, then
 * reads the member list looking for the text in the unique ID, login ID or any custom field
 * (case-insensitive) or an exact member ID. The pagination token is the next page to read.
 */
export async function searchMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (lacksCredential(this))
		return { results: [{ name: setCredentialFirst('search members'), value: '' }] };
	const query = (filter ?? '').trim();
	let page = Number(paginationToken) || 1;

	if (!query) {
		const { records, currentPage, lastPage } = await yappliPage(
			this,
			{ path: '/users', listKey: 'members', perPage: BROWSE_PAGE_SIZE },
			page,
		);
		const more = records.length > 0 && currentPage < lastPage;
		return {
			results: records.map((member) => memberItem(member)),
			paginationToken: more ? String(currentPage + 1) : undefined,
		};
	}

	const results: INodeListSearchItems[] = [];
	const exact = page === 1 ? await byUniqueId(this, query) : undefined;
	if (exact) results.push(memberItem(exact));
	for (let read = 0; read < SEARCH_PAGES_PER_CALL; read++, page++) {
		const { records, currentPage, lastPage } = await yappliPage(
			this,
			{ path: '/users', listKey: 'members', perPage: SEARCH_PAGE_SIZE },
			page,
		);
		for (const member of records) {
			const match =
				fieldText(member.id) === fieldText(exact?.id) ? undefined : matchOf(member, query);
			if (match) results.push(memberItem(member, match));
		}
		if (records.length === 0 || currentPage >= lastPage) return { results };
		if (results.length >= ENOUGH_MATCHES) return { results, paginationToken: String(page + 1) };
	}
	// Nothing found yet in a large tenant: say so in a line of the list, so there is something to
	// scroll past and the editor asks for the next pages.
	if (results.length === 0) {
		const searched = (page - 1) * SEARCH_PAGE_SIZE;
		results.push({
			name: `No match in the first ${searched.toLocaleString('en-US')} members yet: scroll to search on, or use By ID`,
			value: '',
		});
	}
	return { results, paginationToken: String(page) };
}
