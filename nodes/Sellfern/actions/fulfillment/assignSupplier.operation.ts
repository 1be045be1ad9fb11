import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	batchSizeOption,
	outputPerId,
	readBatchSize,
	runBulk,
	targetIds,
	type Batch,
	type BatchSizeLimits,
	type IdTarget,
} from '../../../shared/bulk';
import { optionsCollection } from '../../../shared/description';
import { apiRequest } from '../../../shared/transport';
import {
	booleanFlag,
	optionalString,
	positiveIntegerList,
	requiredString,
	parameterReader,
	z,
} from '../../../shared/validation';
import { sellfern } from '../../transport';
import { defineOperation } from '../../../shared/operations';

const BATCH_SIZE: BatchSizeLimits = { default: 100, max: 1000 };

const properties: INodeProperties[] = [
	{
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '={{ $json.order_id }}',
		placeholder: '1042, 1043',
		description:
			'Numeric order IDs this item brings: one ID, a comma-separated list or an array. Orders from all input items are combined into as few requests as possible.',
	},
	{
		displayName: 'Supplier ID',
		name: 'supplierId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'sup_789',
		description: 'The supplier to assign the orders to',
	},
	{
		displayName: 'Dry Run (Validate Only)',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			"Whether to send the assignment as Sellfern's dry run: Sellfern checks each order and answers with its per-order results but assigns nothing, and every output item says dryRun: true. Unlike Options › Preview Only, which outputs the request itself, this outputs Sellfern's answer as the node's normal output, for the next nodes to use.",
	},
	optionsCollection([
		batchSizeOption(
			BATCH_SIZE,
			'Max order IDs per request. Items with the same supplier, dry run setting and key share requests. Read from the first item.',
		),
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			description:
				'Sent as Idempotency-Key. When empty, each request gets a key derived from its content and the execution, so a retry (the node\'s own or Retry On Fail) can never assign twice while a later execution assigns again. When the orders need several requests, ":2", ":3"… is appended for the later ones.',
		},
	]),
];

const readParameters = parameterReader(
	properties,
	z.object({
		orderIds: positiveIntegerList('Order IDs'),
		supplierId: requiredString('Supplier ID'),
		dryRun: booleanFlag('Dry Run'),
		idempotencyKey: optionalString('Idempotency Key'),
	}),
);

interface AssignGroup {
	supplierId: string;
	dryRun: boolean;
	idempotencyKey?: string;
}

const groupKey = (group: AssignGroup) =>
	JSON.stringify([group.supplierId, group.dryRun, group.idempotencyKey ?? '']);

interface AssignResult extends IDataObject {
	order_id: number;
	status: string;
}

/**
 * A key that is the same whenever the same request is sent again by the same execution (the node's own
 * retries, n8n's Retry On Fail), so those replay the first result; a later execution is a new,
 * deliberate assignment and gets a new key.
 */
function contentKey(group: AssignGroup, orderIds: number[], executionId: string): string {
	const content = JSON.stringify({
		execution: executionId,
		dry_run: group.dryRun,
		supplier_id: group.supplierId,
		order_ids: orderIds,
	});
	return `n8n-assign-${createHash('sha256').update(content).digest('hex').slice(0, 40)}`;
}

async function sendBatch(ctx: IExecuteFunctions, batch: Batch<IdTarget, AssignGroup>, key: string) {
	const orderIds = targetIds(batch);
	const data = await apiRequest<{ results?: AssignResult[] }>(ctx, sellfern, {
		method: 'POST',
		path: '/api/v2/fulfillment/assign',
		qs: batch.group.dryRun ? { dry_run: true } : undefined,
		body: { order_ids: orderIds, supplier_id: batch.group.supplierId },
		headers: { 'Idempotency-Key': key },
		itemIndex: batch.entries[0].itemIndex,
	});
	return new Map((data?.results ?? []).map((result) => [Number(result.order_id), result]));
}

function resultFor(
	results: Map<number, AssignResult>,
	orderId: number,
	group: AssignGroup,
): IDataObject {
	return (
		results.get(orderId) ?? {
			order_id: orderId,
			status: 'error',
			supplier_id: group.supplierId,
			error: { code: 'missing_result', message: 'Sellfern returned no result for this order' },
		}
	);
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runBulk<AssignGroup>(this, items, {
		batchSize: readBatchSize(this, BATCH_SIZE),
		groupKey,
		read: (i) => {
			const params = readParameters(this, i);
			const { supplierId, dryRun, idempotencyKey } = params;
			return { ids: params.orderIds, group: { supplierId, dryRun, idempotencyKey } };
		},
		sendBatch: async (batch, n) => {
			const { group } = batch;
			const key = group.idempotencyKey
				? n === 1
					? group.idempotencyKey
					: `${group.idempotencyKey}:${n}`
				: contentKey(group, targetIds(batch), this.getExecutionId() ?? '');
			const results = await sendBatch(this, batch, key);
			// A dry run's "ok" means "would be assigned": the output says nothing was saved.
			return outputPerId(batch, (orderId) =>
				group.dryRun
					? { ...resultFor(results, orderId, group), dryRun: true, assigned: false }
					: resultFor(results, orderId, group),
			);
		},
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'assignSupplier',
	name: 'Assign Supplier',
	action: 'Assign a supplier to orders',
	description: 'Assign a supplier to orders, in bulk, moving them to In Production',
	write: true,
	toolDescription:
		'Assign a supplier to Sellfern orders, moving each from New to In Production. Needs: Order IDs (numeric Sellfern order IDs such as 1042; one, a comma list or an array) and Supplier ID (text such as sup_789). Returns one result per order: status ok or error with a code (an order not in New is an error result, not a failure). Safe to repeat: the same orders and supplier within 24 hours replay the first answer (idempotency key) and never assign twice. Preview Only asks Sellfern for its own dry run and returns its per-order answer without assigning.',
	properties,
	execute,
});
