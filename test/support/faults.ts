import type { Fault, FaultSpec } from '../../sandbox/core/faults';
import type { VendorName } from '../../sandbox/server';
import type { TestEnv } from './env';

/**
 * A fault injector for one vendor endpoint: each call makes the next requests to `vendor` whose
 * path contains `path` (and with `method`, when given) fail as its `fault` says.
 */
export const faultOn =
	(env: TestEnv, vendor: VendorName, path: string, method?: string) =>
	(fault: FaultSpec): Fault =>
		env.sandbox.state.faults.add({ vendor, path, ...(method && { method }), ...fault });
