import { isoSeconds } from '../core/clock';
import { HttpError } from '../core/http-error';
import type { SandboxRequest } from '../core/request';
import { file, json, type SandboxResponse } from '../core/response';
import type { Handler, Router } from '../core/router';
import type { VendorContext, VendorError, VendorModule } from '../core/vendor';
import { unprocessable } from './skuio/errors';
import { exportColumns, exportTable, toCsv, toXlsx, type ContentMode } from './skuio/export';
import {
	listRow,
	STATUSES,
	type Fulfillment,
	type FulfillmentStatus,
	type ProviderAction,
} from './skuio/model';
import {
	filters,
	fulfillmentId,
	matchesFilter,
	objectBody,
	paginated,
	paging,
	parseFilterBody,
	parseListQuery,
	single,
	sortFulfillments,
	voidReason,
} from './skuio/params';
import { demoPlan, parseSeedOptions, seedPlan, type SeedOptions } from './skuio/seed';
import { Store } from './skuio/store';

/** Personal Access Tokens the sandbox accepts (Laravel Sanctum's `id|secret` form). */
const TOKENS = ['1|skuio-sandbox-demo-token'];

const V = '/api/v2/sales-order-fulfillments';
const ITEM = `${V}/:salesOrderFulfillment`;
/** Up to this many shipments a bulk void runs at once; more become a tracked background job. */
export const BULK_SYNC_LIMIT = 30;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SkuIoVendor extends VendorModule {
	readonly store: Store;
	seed(options: SeedOptions): { fulfillments: Fulfillment[] };
	seedDemo(): { fulfillments: number; byStatus: Record<string, number> };
}

/** SKU.io's fulfillment API, per skuio-fulfillments.txt, its OpenAPI excerpt and VENDOR-FACTS.md. */
export function createSkuIo(context: VendorContext): SkuIoVendor {
	const store = new Store(context);
	/** For benchmarks: CSV exports repeat their data rows until the file has at least this many bytes. */
	let csvMinBytes = 0;
	const found = (request: SandboxRequest) => store.require(fulfillmentId(request));

	const providerRoute = (action: ProviderAction): Handler =>
		authorized((request) => {
			const id = found(request).id;
			if (!store.supports(id, action)) {
				const fulfillment = store.require(id);
				return json(200, {
					success: false,
					supported: false,
					message: `${actionName(action)} is not supported for ${fulfillment.fulfillment_type} fulfillments.`,
				});
			}
			const { message, fulfillment } = store.providerAction(id, action, request.cause);
			return json(200, { success: true, message, data: detail(fulfillment) });
		});

	const exportFile: Handler = async (request) => {
		const query = request.query;
		const format = single(query, 'format') ?? 'xlsx';
		if (format !== 'xlsx' && format !== 'csv')
			unprocessable('format', 'The selected format is invalid (xlsx or csv).');
		const mode = (single(query, 'content_mode') ?? 'summary') as ContentMode;
		if (mode !== 'summary' && mode !== 'line_items')
			unprocessable(
				'content_mode',
				'The selected content mode is invalid (summary or line_items).',
			);
		const scope = single(query, 'scope') ?? 'filtered';
		const columns = exportColumns(mode, single(query, 'columns'));
		let rows: Fulfillment[];
		if (scope === 'selected') {
			const ids = single(query, 'ids');
			if (!ids || !/^\d+(,\d+)*$/.test(ids))
				unprocessable(
					'ids',
					'The ids field is required when scope is selected (comma-separated IDs).',
				);
			rows = ids.split(',').flatMap((id) => store.get(Number(id)) ?? []);
		} else if (scope === 'all') {
			rows = sortFulfillments(
				store.all().filter((f) => !f.voided_at && !f.archived_at),
				{ field: 'id', descending: true },
			);
		} else if (scope === 'filtered' || scope === 'current_page') {
			const list = parseListQuery(request);
			rows = sortFulfillments(
				store.all().filter((f) => matchesFilter(list, f)),
				list.sort,
			);
			if (scope === 'current_page') {
				const { page, perPage } = paging(query, 10);
				rows = rows.slice((page - 1) * perPage, page * perPage);
			}
		} else {
			unprocessable(
				'scope',
				'The selected scope is invalid (filtered, all, current_page or selected).',
			);
		}
		const table = exportTable(rows, mode, columns);
		const stamp = isoSeconds(context.clock.now())
			.replace(/[-:]/g, '')
			.replace('T', '-')
			.replace('Z', '');
		const filename = `sales-order-fulfillments-${stamp}.${format}`;
		return format === 'csv'
			? file(toCsv(padRows(table, csvMinBytes)), {
					contentType: 'text/csv; charset=UTF-8',
					filename,
				})
			: file(await toXlsx(table), { contentType: XLSX_TYPE, filename });
	};

	return {
		name: 'skuio',
		title: 'SKU.io',
		credentials: TOKENS.map((token) => ({ label: 'full access', values: { accessToken: token } })),
		store,

		registerRoutes(router: Router) {
			router
				.get(
					V,
					authorized((request) => {
						const list = parseListQuery(request);
						const { page, perPage } = paging(request.query, 10);
						const rows = sortFulfillments(
							store.all().filter((f) => matchesFilter(list, f)),
							list.sort,
						).map(listRow);
						return json(200, paginated(rows, page, perPage));
					}),
				)
				.get(`${V}/export`, authorized(exportFile))
				.get(
					`${ITEM}/detail`,
					authorized((request) => json(200, { data: detail(found(request)) })),
				)
				.get(
					`${ITEM}/line-items`,
					authorized((request) =>
						json(200, {
							data: found(request).lines.map((line) => ({
								id: line.id,
								quantity: line.quantity,
								unit_cost: line.unit_cost,
								sku: line.sku,
								product_name: line.product_name,
								product_id: line.product_id,
							})),
						}),
					),
				)
				.get(
					`${ITEM}/activity-log`,
					authorized((request) => {
						const { id } = found(request);
						const { search } = filters(request.query, ['search']);
						const { page, perPage } = paging(request.query, 15);
						const needle = search?.toLowerCase();
						const entries = store
							.activityOf(id)
							.reverse()
							.filter(
								(entry) =>
									!needle ||
									[
										entry.causer_name,
										entry.event,
										entry.subject_type,
										JSON.stringify(entry.properties),
									].some((text) => text.toLowerCase().includes(needle)),
							);
						return json(200, paginated(entries, page, perPage));
					}),
				)
				.get(
					`${ITEM}/inventory-movements`,
					authorized((request) => {
						const { id } = found(request);
						const given = filters(request.query, [
							'type',
							'inventory_status',
							'warehouse_id',
							'search',
						]);
						if (given.warehouse_id !== undefined && !/^\d+$/.test(given.warehouse_id))
							unprocessable('filter.warehouse_id', 'The warehouse id filter must be an integer.');
						const { page, perPage } = paging(request.query, 15);
						const needle = given.search?.toLowerCase();
						const movements = store
							.movementsOf(id)
							.filter(
								(m) =>
									(given.type === undefined || m.type === given.type) &&
									(given.inventory_status === undefined ||
										m.inventory_status === given.inventory_status) &&
									(given.warehouse_id === undefined ||
										m.warehouse_id === Number(given.warehouse_id)) &&
									(!needle ||
										[m.sku, m.product_name, String(m.id), m.reference].some((t) =>
											t.toLowerCase().includes(needle),
										)),
							);
						return json(200, paginated(movements, page, perPage));
					}),
				)
				.post(
					`${ITEM}/clear-channel-submission`,
					authorized((request) =>
						json(200, {
							message: 'Sales channel submission cleared.',
							data: detail(store.clearChannelSubmission(found(request).id, request.cause)),
						}),
					),
				)
				.post(
					`${ITEM}/submit-to-channel`,
					authorized((request) =>
						json(200, {
							message: 'Tracking submitted to the sales channel.',
							data: detail(store.submitToChannel(found(request).id, request.cause)),
						}),
					),
				)
				.post(`${ITEM}/resync-to-provider`, providerRoute('resync-to-provider'))
				.post(`${ITEM}/resync-from-provider`, providerRoute('resync-from-provider'))
				.post(`${ITEM}/cancel-provider-order`, providerRoute('cancel-provider-order'))
				.patch(
					`${ITEM}/shipping-details`,
					authorized((request) => {
						const { id } = found(request);
						const changes = parseShippingDetails(objectBody(request));
						return json(200, {
							message: 'Shipping details updated.',
							data: detail(store.updateShippingDetails(id, changes, request.cause)),
						});
					}),
				)
				.delete(
					'/api/sales-order-fulfillments/:salesOrderFulfillment',
					authorized((request) => {
						const { id } = found(request);
						const check = single(request.query, 'check-deletable') ?? '1';
						if (check !== '0' && check !== '1')
							unprocessable('check-deletable', 'The check-deletable field must be 0 or 1.');
						const reason = voidReason(objectBody(request));
						const reasons = store.voidRefusals(id, { checkDeletable: check === '1', force: false });
						if (Object.keys(reasons).length)
							throw new HttpError(400, 'This shipment cannot be voided.', { details: { reasons } });
						return json(200, {
							message: 'Shipment voided.',
							data: detail(store.void(id, reason, request.cause)),
						});
					}),
				)
				.delete(
					'/api/sales-order-fulfillments',
					authorized((request) => {
						const body = objectBody(request);
						const options = {
							force: parseForce(body.force),
							reason: voidReason(body),
							cause: request.cause,
						};
						const ids = bulkTargets(body);
						if (ids.length > BULK_SYNC_LIMIT) {
							const job = store.startBulkVoidJob(ids, options);
							return json(202, {
								message: `Voiding ${ids.length} shipments in the background.`,
								tracked_job_log_id: job.id,
							});
						}
						const results = store.bulkVoid(ids, options);
						return json(200, {
							message: `Voided ${results.voided.length} of ${ids.length} shipments.`,
							...results,
						});
					}),
				);

			function bulkTargets(body: Record<string, unknown>): number[] {
				const hasIds = body.ids !== undefined;
				const applyToAll = body.apply_to_all === true || body.apply_to_all === 1;
				if (hasIds === applyToAll)
					unprocessable('ids', 'Send either ids or apply_to_all with filters.');
				if (applyToAll) {
					const filter = parseFilterBody(body.filters ?? {});
					return store
						.all()
						.filter((f) => matchesFilter(filter, f))
						.map((f) => f.id);
				}
				const ids = body.ids;
				if (!Array.isArray(ids) || ids.length === 0)
					unprocessable('ids', 'The ids field must be a non-empty list.');
				const bad = ids.findIndex((id) => !Number.isSafeInteger(id) || (id as number) < 1);
				if (bad >= 0) unprocessable(`ids.${bad}`, `The ids.${bad} field must be an integer.`);
				return [...new Set(ids as number[])];
			}
		},

		registerControlRoutes(router: Router) {
			router
				.get('/fulfillments', () => json(200, { fulfillments: store.all() }))
				.get('/fulfillments/:id', (request) =>
					json(200, { fulfillment: store.require(Number(request.params.id)) }),
				)
				.post('/fulfillments/:id/status', (request) => {
					const { status } = objectBody(request);
					if (!STATUSES.includes(status as FulfillmentStatus))
						throw new HttpError(400, `status must be one of: ${STATUSES.join(', ')}`);
					return json(200, {
						fulfillment: store.setStatus(
							Number(request.params.id),
							status as FulfillmentStatus,
							request.cause,
						),
					});
				})
				.post('/fulfillments/:id/provider-ships', (request) => {
					const { tracking_number: tracking } = objectBody(request);
					if (typeof tracking !== 'string' || tracking === '')
						throw new HttpError(400, 'tracking_number is required');
					return json(200, {
						fulfillment: store.providerShips(Number(request.params.id), tracking),
					});
				})
				.post('/export-size', (request) => {
					const { bytes } = objectBody(request);
					if (
						!Number.isSafeInteger(bytes) ||
						(bytes as number) < 0 ||
						(bytes as number) > 1024 ** 3
					)
						throw new HttpError(400, 'bytes must be an integer from 0 to 1073741824');
					csvMinBytes = bytes as number;
					return json(200, { csvMinBytes });
				})
				.get('/jobs/:id', (request) => {
					const job = store.job(Number(request.params.id));
					if (!job) throw new HttpError(404, `No job ${request.params.id}`);
					return json(200, { job });
				});
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
			csvMinBytes = 0;
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

/** The header, then the data rows over and over until they reach about `minBytes` as CSV. */
function padRows(
	table: ReturnType<typeof exportTable>,
	minBytes: number,
): ReturnType<typeof exportTable> {
	const [header, ...rows] = table;
	if (minBytes === 0 || rows.length === 0) return table;
	const rowBytes = rows.reduce((sum, row) => sum + row.join(',').length + 2, 0);
	const copies = Math.max(1, Math.ceil(minBytes / rowBytes));
	const padded = [header];
	for (let copy = 0; copy < copies; copy++) padded.push(...rows);
	return padded;
}

/** Sanctum: a missing or unknown token is a 401 `{"message": "Unauthenticated."}`. */
function authorized(handler: Handler): Handler {
	return (request) => {
		const token = /^Bearer\s+(.+)$/i.exec(request.header('authorization') ?? '')?.[1]?.trim();
		if (!token || !TOKENS.includes(token)) throw new HttpError(401, 'Unauthenticated.');
		return handler(request);
	};
}

/** The detail view: the record with its lines (and products), sales order, warehouse and provider orders. */
function detail(fulfillment: Fulfillment) {
	const { lines, provider_order: providerOrder } = fulfillment;
	return {
		...listRow(fulfillment),
		lines: lines.map((line) => ({
			...line,
			product: { id: line.product_id, sku: line.sku, name: line.product_name },
		})),
		sales_order: {
			id: fulfillment.sales_order_id,
			sales_order_number: fulfillment.sales_order_number,
			customer_name: fulfillment.customer_name,
			shipping_address: {
				name: fulfillment.customer_name,
				line1: '1 Demo Street',
				city: 'Springfield',
				country: 'US',
			},
		},
		warehouse: { id: fulfillment.warehouse_id, name: fulfillment.warehouse_name },
		shipping_methods: {
			requested: fulfillment.requested_shipping_method,
			fulfillment:
				fulfillment.fulfillment_shipping_method ?? fulfillment.fulfillment_shipping_method_manual,
		},
		shipping_provider_orders: providerOrder ? [providerOrder] : [],
	};
}

function parseShippingDetails(body: Record<string, unknown>): {
	tracking_number?: string | null;
	cost?: number;
} {
	const changes: { tracking_number?: string | null; cost?: number } = {};
	if (body.tracking_number !== undefined) {
		if (body.tracking_number !== null && typeof body.tracking_number !== 'string')
			unprocessable('tracking_number', 'The tracking number field must be a string.');
		if (typeof body.tracking_number === 'string' && body.tracking_number.length > 255)
			unprocessable(
				'tracking_number',
				'The tracking number field must not be greater than 255 characters.',
			);
		changes.tracking_number =
			body.tracking_number === '' ? null : (body.tracking_number as string | null);
	}
	if (body.cost !== undefined && body.cost !== null) {
		const cost =
			typeof body.cost === 'string' && body.cost.trim() !== '' ? Number(body.cost) : body.cost;
		if (typeof cost !== 'number' || !Number.isFinite(cost))
			unprocessable('cost', 'The cost field must be a number.');
		if (cost < 0) unprocessable('cost', 'The cost field must be at least 0.');
		changes.cost = cost;
	}
	if (Object.keys(changes).length === 0)
		unprocessable(
			'tracking_number',
			'The tracking number field is required when cost is not present.',
		);
	return changes;
}

function parseForce(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean' && value !== 0 && value !== 1)
		unprocessable('force', 'The force field must be true or false.');
	return Boolean(value);
}

function actionName(action: ProviderAction): string {
	return {
		'resync-to-provider': 'Resync to provider',
		'resync-from-provider': 'Resync from provider',
		'cancel-provider-order': 'Cancel provider order',
	}[action];
}
