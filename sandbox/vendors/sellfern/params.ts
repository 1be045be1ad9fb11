import { HttpError } from '../../core/http-error';
import type { RawQuery } from '../../core/query';
import type { SandboxRequest } from '../../core/request';
import { QUEUE_STATUSES, STATUSES, type OrderStatus, type QueueStatus } from './orders';

const DEFAULT_PAGE_SIZE = 20;
/** Undocumented: larger page sizes are capped (not rejected) and the response says 100. */
const MAX_PAGE_SIZE = 100;
/** Undocumented: the sandbox rejects larger assignments. */
const MAX_ASSIGN_IDS = 1000;

export interface QueueQuery {
	status?: QueueStatus;
	supplierId?: string;
	page: number;
	pageSize: number;
}

export interface AssignRequest {
	orderIds: number[];
	supplierId: string;
	dryRun: boolean;
}

/** Parameters the document does not list (e.g. a store filter) are ignored. */
export function parseQueueQuery(query: RawQuery): QueueQuery {
	const status = single(query, 'status');
	if (status !== undefined && !QUEUE_STATUSES.includes(status as QueueStatus))
		invalid('status', `status must be one of: ${QUEUE_STATUSES.join(', ')}`, {
			allowed: QUEUE_STATUSES,
		});
	const supplierId = single(query, 'supplier_id');
	if (supplierId === '') invalid('supplier_id', 'supplier_id must not be empty');
	return {
		status: status as QueueStatus | undefined,
		supplierId,
		page: positiveInteger(query, 'page') ?? 1,
		pageSize: Math.min(positiveInteger(query, 'page_size') ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
	};
}

export function parseAssign(request: SandboxRequest): AssignRequest {
	const dryRun = single(request.query, 'dry_run');
	if (dryRun !== undefined && !['true', 'false', '1', '0'].includes(dryRun))
		invalid('dry_run', 'dry_run must be true, false, 1 or 0');
	const body = objectBody(request);
	const orderIds = body.order_ids;
	if (!Array.isArray(orderIds) || orderIds.length === 0)
		invalid('order_ids', 'order_ids must be a non-empty array of integer order IDs');
	const notInteger = orderIds.findIndex((id) => !Number.isSafeInteger(id));
	if (notInteger >= 0)
		invalid('order_ids', `order_ids[${notInteger}] must be an integer order ID`, {
			index: notInteger,
		});
	if (orderIds.length > MAX_ASSIGN_IDS)
		invalid('order_ids', `order_ids may hold at most ${MAX_ASSIGN_IDS} IDs`, {
			max: MAX_ASSIGN_IDS,
		});
	if (typeof body.supplier_id !== 'string' || body.supplier_id.trim() === '')
		invalid('supplier_id', 'supplier_id must be a non-empty string');
	return { orderIds, supplierId: body.supplier_id, dryRun: dryRun === 'true' || dryRun === '1' };
}

export function parseStatusBody(request: SandboxRequest): OrderStatus {
	const { status } = objectBody(request);
	if (!STATUSES.includes(status as OrderStatus))
		invalid('status', `status must be one of: ${STATUSES.join(', ')}`, { allowed: STATUSES });
	return status as OrderStatus;
}

function invalid(field: string, message: string, more: Record<string, unknown> = {}): never {
	throw new HttpError(400, message, { code: 'validation_error', details: { field, ...more } });
}

function objectBody(request: SandboxRequest): Record<string, unknown> {
	const body = request.json();
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		invalid('body', 'The request body must be a JSON object');
	return body as Record<string, unknown>;
}

function single(query: RawQuery, name: string): string | undefined {
	const value = query[name];
	if (Array.isArray(value)) invalid(name, `${name} may be given only once`);
	return value;
}

function positiveInteger(query: RawQuery, name: string): number | undefined {
	const value = single(query, name);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < 1)
		invalid(name, `${name} must be an integer of at least 1`);
	return Number(value);
}
