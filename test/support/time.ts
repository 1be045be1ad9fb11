import type { RequestRecord } from '../../sandbox/core/ledger';
import type { TestEnv } from './env';

/**
 * Moves "now" (Date.now, which the nodes and the sandbox's clock read) forward by `minutes` for the
 * rest of the test; jest's restoreMocks is not relied on: call the returned function to go back.
 */
export function travel(): { by(minutes: number): void; restore(): void } {
	const real = Date.now.bind(Date);
	let offset = 0;
	const spy = jest.spyOn(Date, 'now').mockImplementation(() => real() + offset);
	return {
		by(minutes: number) {
			offset += minutes * 60_000;
		},
		restore: () => spy.mockRestore(),
	};
}

/**
 * Runs `action` once, just before the sandbox handles the first request `matches` accepts: what
 * changes in the vendor while a poll is between two of its requests.
 */
export function duringRequest(
	env: TestEnv,
	matches: (request: RequestRecord) => boolean,
	action: () => void,
): { readonly fired: boolean } {
	const ledger = env.sandbox.state.ledger;
	const original = ledger.recordRequest.bind(ledger);
	let done = false;
	jest.spyOn(ledger, 'recordRequest').mockImplementation((fields) => {
		const record = original(fields);
		if (!done && matches(record)) {
			done = true;
			action();
		}
		return record;
	});
	return {
		get fired() {
			return done;
		},
	};
}
