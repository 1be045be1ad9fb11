import type { INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Options › Concurrency of an operation that sends one request per item: the most requests at once.
 * No vendor publishes a rate limit, so the limiter starts at START_CONCURRENCY and grows while the
 * vendor keeps up (no 429, answers no slower than four times its fastest); a 429 halves it. n8n opens
 * a connection per request, so with 50 ms between n8n and the vendor each request takes two round
 * trips (100 ms): 200 at once is 2,000 requests a second at best, which keeps n8n itself busy; at 100
 * n8n waited idle half of the time (bench/README.md). The HTTP Request node sends every item at once.
 */
export const DEFAULT_CONCURRENCY = 200;
export const MAX_CONCURRENCY = 500;
/** How many at once a node run starts with (or Concurrency, when that is lower). */
export const START_CONCURRENCY = 5;
/** Answers slower than this factor of the fastest one (plus SLOWER_SLACK_MS) stop the growth. */
const SLOWER_FACTOR = 4;
const SLOWER_SLACK_MS = 50;

export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
	default: DEFAULT_CONCURRENCY,
	description: `The most items sent at the same time. The node starts with ${START_CONCURRENCY} and sends more at once while the vendor answers quickly; when the vendor answers 429 (too many requests) it halves the number and waits as the vendor asks. Output stays in input order. Read from the first item.`,
};

/**
 * Runs tasks at most `limit` at a time, adaptively (as TCP does with its window). The limit starts
 * at START_CONCURRENCY and doubles after each round of successes (as many as the limit) while the
 * round's answers came no slower than four times the fastest seen (+ 50 ms), up to `max`. A 429 halves it and
 * holds every new request until the vendor's Retry-After has passed; from then on it grows by one
 * per round.
 */
export class AdaptiveLimiter {
	private limit: number;
	private active = 0;
	private successes = 0;
	private pausedUntil = 0;
	private doubling = true;
	private fastestMs = Infinity;
	private roundMs = 0;
	private roundCount = 0;
	// A queue read from `waitingHead`: shift() would move every waiting task each time one starts.
	private waiting: Array<() => void> = [];
	private waitingHead = 0;

	constructor(
		private readonly max: number,
		private readonly now: () => number = Date.now,
	) {
		this.limit = Math.min(max, START_CONCURRENCY);
	}

	get current(): number {
		return this.limit;
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		const started = this.now();
		try {
			return await task();
		} finally {
			this.release(this.now() - started);
		}
	}

	/** The vendor said "too many requests": fewer at once, and nothing new until `delayMs` has passed. */
	throttled(delayMs: number): void {
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.doubling = false;
		this.successes = 0;
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + delayMs);
	}

	succeeded(): void {
		if (this.limit >= this.max) return;
		if (++this.successes < this.limit) return;
		const mean = this.roundCount > 0 ? this.roundMs / this.roundCount : 0;
		const slower = mean > this.fastestMs * SLOWER_FACTOR + SLOWER_SLACK_MS;
		if (!slower) this.limit = Math.min(this.max, this.doubling ? this.limit * 2 : this.limit + 1);
		this.successes = 0;
		this.roundMs = 0;
		this.roundCount = 0;
		this.wake();
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

	private release(durationMs: number): void {
		this.active--;
		this.fastestMs = Math.min(this.fastestMs, durationMs);
		this.roundMs += durationMs;
		this.roundCount++;
		this.wake();
	}

	/** Lets as many waiting tasks try again as there are free places. */
	private wake(): void {
		for (
			let free = this.limit - this.active;
			free > 0 && this.waitingHead < this.waiting.length;
			free--
		) {
			this.waiting[this.waitingHead++]();
		}
		if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
			this.waiting = this.waiting.slice(this.waitingHead);
			this.waitingHead = 0;
		}
	}
}
