import { HttpError } from '../core/http-error';
import type { SandboxRequest } from '../core/request';
import { json, type SandboxResponse } from '../core/response';
import type { Handler, Router } from '../core/router';
import type { VendorContext, VendorError, VendorModule } from '../core/vendor';
import {
	DEMO_EMAIL,
	MAIN_ORGANIZATION_ID,
	MULTI_ORG_EMAIL,
	ORGANIZATIONS,
	PRODUCTS,
	DEMO_SIGN_IN,
	type User,
} from './s2/catalog';
import { parseFulfillment } from './s2/params';
import { EXAMPLE_ORDER_ID, parseSeedOptions, seedLines } from './s2/seed';
import { Sessions } from './s2/sessions';
import { S2Store, type Order } from './s2/store';

export interface S2Vendor extends VendorModule {
	readonly store: S2Store;
	readonly sessions: Sessions;
	seed(options: Record<string, unknown>): { orders: Order[] };
}

/** S2 (Ventmere) per s2-fulfillment-order-api.txt and the S2 part of VENDOR-FACTS.md. */
export function createS2(context: VendorContext): S2Vendor {
	const store = new S2Store(context);
	const sessions = new Sessions(context.clock);

	/**
	 * The organization a request acts in: X-S2-Organization when sent (it must be one of the user's),
	 * else the user's only organization; a user of several must send the header.
	 */
	const organizationOf = (request: SandboxRequest, user: User): string => {
		const header = request.header('x-s2-organization')?.trim();
		if (header) {
			if (!user.organizationIds.includes(header))
				throw new HttpError(403, `You are not a member of organization '${header}'`);
			return header;
		}
		if (user.organizationIds.length > 1)
			throw new HttpError(
				400,
				'X-S2-Organization header is required: this user belongs to several organizations',
			);
		return user.organizationIds[0];
	};
	const authorized =
		(handler: (request: SandboxRequest, organizationId: string) => SandboxResponse): Handler =>
		(request) =>
			handler(request, organizationOf(request, sessions.userOf(request)));

	return {
		name: 's2',
		title: 'S2 (Ventmere)',
		credentials: [
			{ label: 'one organization', values: { email: DEMO_EMAIL, password: DEMO_SIGN_IN } },
			{
				label: 'two organizations (Organization ID required)',
				values: {
					email: MULTI_ORG_EMAIL,
					password: DEMO_SIGN_IN,
					organizationId: MAIN_ORGANIZATION_ID,
				},
			},
		],
		store,
		sessions,

		registerRoutes(router: Router) {
			router
				.post('/login', (request) => {
					const body = request.json();
					const fields =
						typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
					const { accessToken, user } = sessions.login(fields.email, fields.password);
					return json(200, {
						type: 'SUCCESS',
						accessToken,
						user: {
							id: user.id,
							email: user.email,
							organizations: ORGANIZATIONS.filter((org) => user.organizationIds.includes(org.id)),
						},
					});
				})
				.post(
					'/fulfillment',
					authorized((request, organizationId) =>
						json(200, store.create(organizationId, parseFulfillment(request), request.cause)),
					),
				)
				.get(
					'/fulfillment/:id',
					authorized((request, organizationId) =>
						json(200, store.fulfillment(organizationId, request.params.id)),
					),
				)
				.get(
					'/order/:orderId',
					authorized((request, organizationId) =>
						json(200, store.orderDetail(organizationId, request.params.orderId)),
					),
				);
		},

		registerControlRoutes(router: Router) {
			router
				.get('/orders', () => json(200, { orders: store.allOrders() }))
				.get('/fulfillments', () => json(200, { fulfillments: store.allFulfillments() }))
				.get('/products', () => json(200, { products: PRODUCTS }))
				.post('/fulfillments/:id/ship', (request) => {
					const body = (request.json() ?? {}) as Record<string, unknown>;
					const text = (key: string) =>
						typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined;
					return json(200, {
						fulfillment: store.ship(
							request.params.id,
							{ trackingNumber: text('trackingNumber'), carrierId: text('carrierId') },
							request.cause,
						),
					});
				})
				.put('/settings', (request) => {
					const { tokenLifetimeSeconds, autoShip, ...unknown } = (request.json() ?? {}) as Record<
						string,
						unknown
					>;
					if (Object.keys(unknown).length)
						throw new HttpError(
							400,
							`Unknown settings: ${Object.keys(unknown).join(', ')} (known: tokenLifetimeSeconds, autoShip)`,
						);
					if (
						tokenLifetimeSeconds !== undefined &&
						(!Number.isInteger(tokenLifetimeSeconds) || (tokenLifetimeSeconds as number) < 1)
					)
						throw new HttpError(400, 'tokenLifetimeSeconds must be a positive integer');
					if (autoShip !== undefined && typeof autoShip !== 'boolean')
						throw new HttpError(400, 'autoShip must be true or false');
					if (tokenLifetimeSeconds !== undefined)
						sessions.lifetimeMs = (tokenLifetimeSeconds as number) * 1000;
					if (autoShip !== undefined) store.autoShip = autoShip;
					return json(200, {
						tokenLifetimeSeconds: sessions.lifetimeMs / 1000,
						autoShip: store.autoShip,
					});
				})
				.post('/tokens/revoke', () => json(200, { revoked: sessions.revokeAll() }));
		},

		renderError(error: VendorError, requestId: string): SandboxResponse {
			if (error.code === 'ALREADY_EXISTS')
				return json(error.status, { code: error.code, message: error.message });
			const message = error.message ?? error.reason;
			return json(error.status, { message: `${message} (reference ID: ${requestId})` });
		},

		reset() {
			store.clear();
			sessions.reset();
		},

		seed(options) {
			const valid = parseSeedOptions({ ...options });
			return {
				orders: Array.from({ length: valid.orders }, (_, n) =>
					store.createOrder(
						valid.organizationId,
						seedLines(valid.organizationId, n),
						'control seed',
						n === 0 && valid.orderId !== undefined ? valid.orderId : undefined,
					),
				),
			};
		},

		/** Three orders (the first with the document's example order ID), shipped as soon as fulfilled. */
		seedDemo() {
			const orders = Array.from({ length: 3 }, (_, n) =>
				store.createOrder(
					MAIN_ORGANIZATION_ID,
					seedLines(MAIN_ORGANIZATION_ID, n),
					'demo seed',
					n === 0 ? EXAMPLE_ORDER_ID : undefined,
				),
			);
			store.autoShip = true;
			return { orders: orders.map((order) => order.id), autoShip: true };
		},
	};
}
