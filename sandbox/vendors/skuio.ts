import type { SandboxResponse } from '../core/response';
import { json } from '../core/response';
import type { Router } from '../core/router';
import type { VendorContext, VendorError, VendorModule } from '../core/vendor';
import { registerActionRoutes } from './skuio/actionRoutes';
import { TOKENS } from './skuio/auth';
import { registerControlRoutes } from './skuio/controlRoutes';
import { createExportRoute } from './skuio/exportRoute';
import type { Fulfillment } from './skuio/model';
import { registerReadRoutes } from './skuio/readRoutes';
import { demoPlan, parseSeedOptions, seedPlan, type SeedOptions } from './skuio/seed';
import { Store } from './skuio/store';
import { registerVoidRoutes } from './skuio/voidRoutes';

export { BULK_SYNC_LIMIT } from './skuio/voidRoutes';

export interface SkuIoVendor extends VendorModule {
	readonly store: Store;
	seed(options: SeedOptions): { fulfillments: Fulfillment[] };
	seedDemo(): { fulfillments: number; byStatus: Record<string, number> };
}

/**
 * SKU.io's fulfillment API, per skuio-fulfillments.txt, its OpenAPI excerpt and VENDOR-FACTS.md;
 * the routes by resource in skuio/*Routes.ts.
 */
export function createSkuIo(context: VendorContext): SkuIoVendor {
	const store = new Store(context);
	const exportRoute = createExportRoute(context, store);

	return {
		name: 'skuio',
		title: 'SKU.io',
		credentials: TOKENS.map((token) => ({ label: 'full access', values: { accessToken: token } })),
		store,

		registerRoutes(router: Router) {
			registerReadRoutes(router, store, exportRoute.handler);
			registerActionRoutes(router, store);
			registerVoidRoutes(router, store);
		},

		registerControlRoutes(router: Router) {
			registerControlRoutes(router, store, exportRoute);
		},

		renderError(error: VendorError): SandboxResponse {
			const message =
				error.message ||
				(error.status === 401
					? 'Unauthenticated.'
					: error.status >= 500
						? 'Server Error'
						: error.reason);
			const extra =
				typeof error.details === 'object' && error.details !== null ? error.details : {};
			return json(error.status, { message, ...extra });
		},

		reset() {
			store.clear();
			exportRoute.csvMinBytes = 0;
		},

		seed(options) {
			const valid = parseSeedOptions({ ...options });
			return {
				fulfillments: seedPlan(valid, context.clock.now()).map((plan) =>
					store.create(plan, 'control seed'),
				),
			};
		},

		seedDemo() {
			const created = demoPlan(context.clock.now()).map((plan) => store.create(plan, 'demo seed'));
			const byStatus: Record<string, number> = {};
			for (const fulfillment of created)
				byStatus[fulfillment.status] = (byStatus[fulfillment.status] ?? 0) + 1;
			return { fulfillments: created.length, byStatus };
		},
	};
}
