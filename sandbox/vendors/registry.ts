import type { VendorFactories } from '../core/state';
import { createSellfern } from './sellfern';

/** Every vendor the sandbox serves, each under `/<key>`. Adding a vendor: its module plus one line here. */
export const vendorFactories = {
	sellfern: createSellfern,
} satisfies VendorFactories;
