import type { Clock } from './clock';
import type { RawQuery } from './query';

export interface FaultApplied {
	id: string;
	status?: number;
	latencyMs?: number;
	drop?: boolean;
	afterHandling?: boolean;
	truncate?: boolean;
	html?: boolean;
	hang?: boolean;
	omit?: string[];
}

export interface RequestRecord {
	type: 'request';
	seq: number;
	time: string;
	/** `null` when the path named no vendor. */
	vendor: string | null;
	requestId: string;
	method: string;
	path: string;
	query: RawQuery;
	/** Lower-cased names; `authorization` cut to its first 8 characters + '…'. */
	headers: Record<string, string>;
	/** Parsed JSON when the body is JSON, else its text; absent when empty. */
	body?: unknown;
	/** `null` until answered, and for ever when a fault dropped the connection. */
	status: number | null;
	fault?: FaultApplied;
}

export interface ChangeRecord {
	type: 'change';
	seq: number;
	time: string;
	vendor: string;
	entity: string;
	id: string;
	from: unknown;
	to: unknown;
	cause: string;
}

export type LedgerEntry = RequestRecord | ChangeRecord;

export interface LedgerFilter {
	vendor?: string;
	type?: LedgerEntry['type'];
	/** Only entries with a greater `seq`. */
	since?: number;
}

export type ChangeInput = Omit<ChangeRecord, 'type' | 'seq' | 'time' | 'id'> & {
	id: string | number;
};

/** Oldest entries are dropped past this, so a long demo run does not grow without bound. */
const MAX_ENTRIES = 50_000;

/** Every vendor request the sandbox received and every state change, in one `seq` order. */
export class Ledger {
	private entries: LedgerEntry[] = [];
	private nextSeq = 1;

	constructor(private readonly clock: Clock) {}

	recordRequest(
		fields: Omit<RequestRecord, 'type' | 'seq' | 'time' | 'status' | 'headers'> & {
			headers: Record<string, string>;
		},
	): RequestRecord {
		const headers = { ...fields.headers };
		if (headers.authorization !== undefined) headers.authorization = redact(headers.authorization);
		return this.push({ type: 'request', ...this.stamp(), ...fields, headers, status: null });
	}

	recordChange(fields: ChangeInput): ChangeRecord {
		return this.push({ type: 'change', ...this.stamp(), ...fields, id: String(fields.id) });
	}

	list(filter: LedgerFilter = {}): LedgerEntry[] {
		return this.entries.filter(
			(entry) =>
				(filter.vendor === undefined || entry.vendor === filter.vendor) &&
				(filter.type === undefined || entry.type === filter.type) &&
				(filter.since === undefined || entry.seq > filter.since),
		);
	}

	requests(filter: Omit<LedgerFilter, 'type'> = {}): RequestRecord[] {
		return this.list({ ...filter, type: 'request' }) as RequestRecord[];
	}

	changes(filter: Omit<LedgerFilter, 'type'> = {}): ChangeRecord[] {
		return this.list({ ...filter, type: 'change' }) as ChangeRecord[];
	}

	/** Sequence numbers keep counting, so a client's `since` stays meaningful. */
	clear(): void {
		this.entries = [];
	}

	private stamp(): { seq: number; time: string } {
		return { seq: this.nextSeq++, time: this.clock.now().toISOString() };
	}

	private push<T extends LedgerEntry>(entry: T): T {
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES)
			this.entries.splice(0, this.entries.length - MAX_ENTRIES);
		return entry;
	}
}

function redact(value: string): string {
	return `${value.slice(0, 8)}…`;
}
