import type { VendorFactories } from '../core/state';
import { createOrderProtection } from './orderprotection';
import { createS2 } from './s2';
import { createSellfern } from './sellfern';
import { createShipperOne } from './shipperone';
import { createSkuIo } from './skuio';

/** Every vendor the sandbox serves, each under `/<key>`. Adding a vendor: its module plus one line here. */
export const vendorFactories = {
	sellfern: createSellfern,
	shipperone: createShipperOne,
	skuio: createSkuIo,
	s2: createS2,
	orderprotection: createOrderProtection,
} satisfies VendorFactories;
