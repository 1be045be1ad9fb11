import { HttpError } from '../core/http-error';
import type { SandboxRequest } from '../core/request';
import { json, type SandboxResponse } from '../core/response';
import type { Handler, Router } from '../core/router';
import type { VendorContext, VendorError, VendorModule } from '../core/vendor';
import { OAuthServer, SANDBOX_APP } from './orderprotection/oauth';
import { Orders, type Order } from './orderprotection/orders';

export interface OrderProtectionVendor extends VendorModule {
	readonly orders: Orders;
	readonly oauth: OAuthServer;
	seed(options: Record<string, unknown>): { orders: Order[] };
}

const MAX_SEED = 1000;
const DEFAULT_STORE = SANDBOX_APP.stores[0];

/** OrderProtection per orderprotection-create-fulfillment.txt and its part of VENDOR-FACTS.md. */
export function createOrderProtection(context: VendorContext): OrderProtectionVendor {
	const orders = new Orders(context);
	const oauth = new OAuthServer(context.clock);
	let nextOrder = 5001;

	const authorized =
		(handler: (request: SandboxRequest, storeId: string) => SandboxResponse): Handler =>
		(request) =>
			handler(request, oauth.storeOf(request));

	/** Orders with two items each, as a store platform would have them. */
	const createOrders = (count: number, storeId: string, cause: string): Order[] =>
		Array.from({ length: count }, () => {
			const sourceOrderId = String(nextOrder++);
			return orders.add(
				{
					storeId,
					sourceOrderId,
					items: [
						{ sourceItemId: `${sourceOrderId}-1`, quantity: 1 },
						{ sourceItemId: `${sourceOrderId}-2`, quantity: 2 },
					],
				},
				cause,
			);
		});

	return {
		name: 'orderprotection',
		title: 'OrderProtection',
		credentials: [
			{
				label: 'app installed on store_sandbox',
				values: {
					clientId: SANDBOX_APP.clientId,
					clientSecret: SANDBOX_APP.clientSecret,
					storeId: DEFAULT_STORE,
				},
			},
		],
		orders,
		oauth,

		registerRoutes(router: Router) {
			router
				.post('/v1/oauth/token', (request) => oauth.token(request))
				.get(
					'/v1/orders/:sourceOrderId/fulfillments',
					authorized((request, storeId) =>
						json(200, orders.list(storeId, request.params.sourceOrderId)),
					),
				)
				.post(
					'/v1/orders/:sourceOrderId/fulfillments',
					authorized((request, storeId) => {
						orders.create(storeId, request.params.sourceOrderId, request);
						return json(201, { status: 'ok' });
					}),
				)
				.put(
					'/v1/orders/:sourceOrderId/fulfillments/:sourceFulfillmentId',
					authorized((request, storeId) => {
						orders.update(
							storeId,
							request.params.sourceOrderId,
							request.params.sourceFulfillmentId,
							request,
						);
						return json(200, { status: 'ok' });
					}),
				);
		},

		registerControlRoutes(router: Router) {
			router
				.get('/orders', () => json(200, { orders: orders.all() }))
				.put('/settings', (request) => {
					const { tokenLifetimeSeconds } = (request.json() ?? {}) as Record<string, unknown>;
					if (!Number.isInteger(tokenLifetimeSeconds) || (tokenLifetimeSeconds as number) < 1)
						throw new HttpError(400, 'tokenLifetimeSeconds must be a positive integer');
					oauth.lifetimeSeconds = tokenLifetimeSeconds as number;
					return json(200, { tokenLifetimeSeconds });
				})
				.post('/tokens/revoke', () => json(200, { revoked: oauth.revokeAll() }));
		},

		renderError(error: VendorError): SandboxResponse {
			return json(error.status, {
				statusCode: error.status,
				error: error.reason,
				message: error.message ?? error.reason,
			});
		},

		reset() {
			orders.clear();
			oauth.reset();
			nextOrder = 5001;
		},

		seed(options) {
			const known = ['orders', 'storeId'];
			const unknown = Object.keys(options).filter((key) => !known.includes(key));
			if (unknown.length)
				throw new HttpError(
					400,
					`Invalid OrderProtection seed: unknown options ${unknown.join(', ')} (known: ${known.join(', ')})`,
				);
			const { orders: count, storeId = DEFAULT_STORE } = options;
			if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_SEED)
				throw new HttpError(
					400,
					`Invalid OrderProtection seed: orders must be an integer from 1 to ${MAX_SEED}`,
				);
			if (typeof storeId !== 'string' || storeId === '')
				throw new HttpError(400, 'Invalid OrderProtection seed: storeId must be a string');
			return { orders: createOrders(count as number, storeId, 'control seed') };
		},

		seedDemo() {
			return {
				orders: createOrders(3, DEFAULT_STORE, 'demo seed').map((order) => order.sourceOrderId),
			};
		},
	};
}
