/** Sandbox time: real time plus an offset tests can move forward (e.g. past a 24 h key expiry). */
export class Clock {
	private offsetMs = 0;

	now(): Date {
		return new Date(Date.now() + this.offsetMs);
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	reset(): void {
		this.offsetMs = 0;
	}
}

/** ISO 8601 in UTC to the second, the form the vendor documents show: `2026-05-20T09:14:00Z`. */
export function isoSeconds(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
