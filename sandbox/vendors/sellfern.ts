import { HttpError } from '../core/http-error';
import { IdempotencyStore, requestFingerprint } from '../core/idempotency';
import type { SandboxRequest } from '../core/request';
import { json, withHeaders, type SandboxResponse } from '../core/response';
import type { Handler, Router } from '../core/router';
import type { VendorContext, VendorError, VendorModule } from '../core/vendor';
import { Orders, type AssignResult, type NewOrder, type Order } from './sellfern/orders';
import { parseAssign, parseQueueQuery, parseStatusBody } from './sellfern/params';
import { demoPlan, parseSeedOptions, seedPlan, type SeedOptions } from './sellfern/seed';

type Scope = 'fulfillment:read' | 'fulfillment:write' | 'orders:status:write';

const TOKENS = new Map<string, Scope[]>([
	['sk_test_sandbox', ['fulfillment:read', 'fulfillment:write', 'orders:status:write']],
	['sk_test_readonly', ['fulfillment:read']],
]);

const ERROR_CODES: Record<number, string> = {
	400: 'validation_error',
	401: 'unauthorized',
	403: 'missing_scope',
	404: 'not_found',
	422: 'idempotency_conflict',
	429: 'rate_limited',
};

const DEFAULT_MESSAGES: Record<string, string> = {
	unauthorized: 'Missing or invalid API token',
	not_found: 'Resource not found',
	rate_limited: 'Too many requests; slow down and retry later',
};

const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer' };
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface SellfernVendor extends VendorModule {
	readonly orders: Orders;
	/** Costs resolved: Pending Cost → New, as the control route does. */
	ready(orderId: number): Order;
	seed(options: SeedOptions): { orders: Order[] };
	seedDemo(): { orders: number; byStatus: Record<string, number> };
}

/** Sellfern Fulfillment API v2, per sellfern-fulfillment-api.txt. */
export function createSellfern(context: VendorContext): SellfernVendor {
	const orders = new Orders(context);
	const idempotency = new IdempotencyStore(context.clock, IDEMPOTENCY_TTL_MS);
	const ok = (request: SandboxRequest, data: unknown): SandboxResponse =>
		json(200, { success: true, data, meta: { request_id: request.requestId } });

	const createAll = (plan: NewOrder[], cause: string): Order[] => {
		const taken = plan.find((order) => orders.get(order.orderId));
		if (taken) throw new HttpError(409, `Order ${taken.orderId} already exists`);
		return plan.map((order) => orders.create(order, cause));
	};

	/** Sellfern keeps results of successful requests only, so a corrected retry may reuse its key. */
	const idempotent =
		(handler: Handler): Handler =>
		async (request) => {
			const key = request.header('idempotency-key');
			if (key === undefined) return await handler(request);
			if (key === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
				throw new HttpError(
					400,
					`Idempotency-Key must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
					{
						details: { field: 'Idempotency-Key' },
					},
				);
			const fingerprint = requestFingerprint(request);
			const found = idempotency.lookup(key, fingerprint);
			if (found.kind === 'replay')
				return withHeaders(found.response, { 'Idempotent-Replayed': 'true' });
			if (found.kind === 'conflict')
				throw new HttpError(
					422,
					`Idempotency-Key "${key}" was already used with a different request`,
				);
			const response = await handler(request);
			if (response.status < 300) idempotency.save(key, fingerprint, response);
			return response;
		};

	return {
		name: 'sellfern',
		title: 'Sellfern',
		credentials: [...TOKENS].map(([token, scopes]) => ({
			label: `scopes ${scopes.join(', ')}`,
			values: { apiToken: token },
		})),
		orders,

		registerRoutes(router: Router) {
			router
				.get(
					'/api/v2/fulfillment/queue',
					authorized('fulfillment:read', (request) => {
						const query = parseQueueQuery(request.query);
						const start = (query.page - 1) * query.pageSize;
						const { items, total } = orders.queuePage(query, start, query.pageSize);
						return ok(request, {
							items,
							total,
							page: query.page,
							page_size: query.pageSize,
						});
					}),
				)
				.post(
					'/api/v2/fulfillment/assign',
					authorized(
						'fulfillment:write',
						idempotent((request) => {
							const { orderIds, supplierId, dryRun } = parseAssign(request);
							const results = orders.assign(orderIds, supplierId, { dryRun, cause: request.cause });
							return ok(request, { results, counts: countResults(results) });
						}),
					),
				)
				.patch(
					'/api/v2/orders/:id/status',
					authorized(
						'orders:status:write',
						idempotent((request) => {
							const orderId = /^\d+$/.test(request.params.id) ? Number(request.params.id) : NaN;
							if (!orders.get(orderId))
								throw new HttpError(404, `Order ${request.params.id} not found`);
							return ok(
								request,
								orders.setStatus(orderId, parseStatusBody(request), request.cause),
							);
						}),
					),
				);
		},

		registerControlRoutes(router: Router) {
			router
				.get('/orders', () => json(200, { orders: orders.all() }))
				.get('/orders/:id', (request) => {
					const order = orders.get(Number(request.params.id));
					if (!order) throw new HttpError(404, `Order ${request.params.id} not found`);
					return json(200, { order });
				})
				.post('/orders/:id/ready', (request) =>
					json(200, { order: orders.markReady(Number(request.params.id), request.cause) }),
				);
		},

		renderError(error: VendorError, requestId: string): SandboxResponse {
			const code = error.code ?? ERROR_CODES[error.status] ?? snakeCase(error.reason);
			const message = error.message ?? DEFAULT_MESSAGES[code] ?? error.reason;
			return json(error.status, {
				success: false,
				error: { code, message, ...(error.details !== undefined && { details: error.details }) },
				meta: { request_id: requestId },
			});
		},

		ready: (orderId) => orders.markReady(orderId, 'control ready'),

		reset() {
			orders.clear();
			idempotency.clear();
		},

		seed(options) {
			const valid = parseSeedOptions({ ...options });
			const plan = seedPlan(valid, valid.startId ?? orders.nextId(), context.clock.now());
			return { orders: createAll(plan, 'control seed') };
		},

		seedDemo() {
			const created = createAll(demoPlan(orders.nextId(), context.clock.now()), 'demo seed');
			const byStatus: Record<string, number> = {};
			for (const order of created) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
			return { orders: created.length, byStatus };
		},
	};
}

function authorized(scope: Scope, handler: Handler): Handler {
	return (request) => {
		const header = request.header('authorization');
		if (header === undefined)
			throw new HttpError(401, 'Missing API token: send Authorization: Bearer <token>', {
				headers: BEARER_CHALLENGE,
			});
		const token = /^Bearer\s+(.*)$/i.exec(header)?.[1]?.trim() ?? header;
		const scopes = TOKENS.get(token);
		// The message echoes the token as received, as Sellfern does; clients must redact it themselves.
		if (!scopes)
			throw new HttpError(401, `Invalid API token "${token}"`, { headers: BEARER_CHALLENGE });
		if (!scopes.includes(scope))
			throw new HttpError(403, `This API token is missing the required scope "${scope}"`, {
				details: { required_scope: scope },
			});
		return handler(request);
	};
}

function countResults(results: AssignResult[]): { ok: number; error: number } {
	const ok = results.filter((result) => result.status === 'ok').length;
	return { ok, error: results.length - ok };
}

function snakeCase(reason: string): string {
	return reason
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}
