import { json } from '../../core/response';
import type { SandboxRequest } from '../../core/request';
import type { Handler, Router } from '../../core/router';
import { authorized } from './auth';
import { unprocessable } from './errors';
import { listRow, type Fulfillment } from './model';
import {
	filters,
	fulfillmentId,
	matchesFilter,
	paginated,
	paging,
	parseListQuery,
	sortFulfillments,
} from './params';
import type { Store } from './store';

export const V = '/api/v2/sales-order-fulfillments';
export const ITEM = `${V}/:salesOrderFulfillment`;

/** The reads: the list, one fulfillment's detail, line items, activity log and inventory movements. */
export function registerReadRoutes(router: Router, store: Store, exportHandler: Handler): void {
	const found = (request: SandboxRequest) => store.require(fulfillmentId(request));
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
		.get(`${V}/export`, exportHandler)
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
							(given.warehouse_id === undefined || m.warehouse_id === Number(given.warehouse_id)) &&
							(!needle ||
								[m.sku, m.product_name, String(m.id), m.reference].some((t) =>
									t.toLowerCase().includes(needle),
								)),
					);
				return json(200, paginated(movements, page, perPage));
			}),
		);
}

/** The detail view: the record with its lines (and products), sales order, warehouse and provider orders. */
export function detail(fulfillment: Fulfillment) {
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
