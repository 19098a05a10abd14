import type { MemberRec, PointEntryRec, TransferTokenRec } from './types';

/** The simulator's in-memory tenant: members, their point history, transfer tokens, id sequences. */
export class YappliStore {
	readonly members = new Map<string, MemberRec>();
	/** member id → history entries in creation order (oldest first). */
	readonly points = new Map<string, PointEntryRec[]>();
	readonly transferTokens = new Map<string, TransferTokenRec>();
	private memberSeq = 0;
	private pointSeq = 0;

	clear(): void {
		this.members.clear();
		this.points.clear();
		this.transferTokens.clear();
		this.memberSeq = 0;
		this.pointSeq = 0;
	}

	/** Member ids are decimal strings from "1" [proposed; the document only says String]. */
	nextMemberId(): string {
		return String(++this.memberSeq);
	}

	nextPointId(): string {
		return String(++this.pointSeq);
	}

	/** Members in id order. The API's order is not documented; do not rely on it. */
	memberList(): MemberRec[] {
		return [...this.members.values()].sort((a, b) => Number(a.id) - Number(b.id));
	}

	pointsOf(memberId: string): PointEntryRec[] {
		let list = this.points.get(memberId);
		if (!list) {
			list = [];
			this.points.set(memberId, list);
		}
		return list;
	}

	/** Members with this unique id, lowest id first (more than one only with duplicates allowed). */
	byUniqueId(uniqueId: string): MemberRec[] {
		return this.memberList().filter((m) => m.uniqueId === uniqueId);
	}

	byLoginId(loginId: string): MemberRec | undefined {
		for (const member of this.members.values()) if (member.loginId === loginId) return member;
		return undefined;
	}
}
