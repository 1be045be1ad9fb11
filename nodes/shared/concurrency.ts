import type { INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** Options › Concurrency of an operation that sends one request per item. */
export const DEFAULT_CONCURRENCY = 5;
export const MAX_CONCURRENCY = 20;

export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
	default: DEFAULT_CONCURRENCY,
	description:
		'How many items are sent at the same time. When the vendor answers 429 (too many requests) the node halves it and waits as the vendor asks; it grows back one step per successful round. Output stays in input order. Read from the first item.',
};

/**
 * Runs tasks at most `max` at a time, adaptively: a 429 halves the number allowed at once and
 * holds every new request until the vendor's Retry-After has passed; each run of successes as
 * long as the current limit lets it grow by one again, up to `max`.
 */
export class AdaptiveLimiter {
	private limit: number;
	private active = 0;
	private successes = 0;
	private pausedUntil = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(
		private readonly max: number,
		private readonly now: () => number = Date.now,
	) {
		this.limit = max;
	}

	get current(): number {
		return this.limit;
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}

	/** The vendor said "too many requests": fewer at once, and nothing new until `delayMs` has passed. */
	throttled(delayMs: number): void {
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successes = 0;
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + delayMs);
	}

	succeeded(): void {
		if (this.limit >= this.max) return;
		if (++this.successes >= this.limit) {
			this.limit++;
			this.successes = 0;
		}
	}

	/** Waits while the vendor asked for a pause. */
	async gate(signal?: AbortSignal): Promise<void> {
		for (let wait = this.pausedUntil - this.now(); wait > 0; wait = this.pausedUntil - this.now()) {
			await sleep(wait, signal);
		}
	}

	private async acquire(): Promise<void> {
		while (this.active >= this.limit) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		this.active++;
	}

	private release(): void {
		this.active--;
		this.waiting.shift()?.();
	}
}
