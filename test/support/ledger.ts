import type { RequestRecord } from '../../sandbox/core/ledger';
import type { VendorName } from '../../sandbox/server';
import type { TestEnv } from './env';

/** Requests a vendor received, oldest first, optionally only those whose path contains `pathPart`. */
export function vendorRequests(env: TestEnv, vendor: VendorName, pathPart = ''): RequestRecord[] {
	return env.sandbox.state.ledger.requests({ vendor }).filter((r) => r.path.includes(pathPart));
}
