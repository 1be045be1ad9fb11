import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { orderProtectionSummary } from '../../summary';
import { forEachItem } from '../../../shared/items';
import { readPaging, returnAllAndLimit } from '../../../shared/pagination';
import { apiRequest, encodePath } from '../../../shared/transport';
import { parameterReader, shown, z } from '../../../shared/validation';
import { sourceOrderId, sourceOrderIdProperty } from '../../fields';
import { orderProtection } from '../../transport';
import { defineOperation } from '../../../shared/operations';

const properties: INodeProperties[] = [
	sourceOrderIdProperty(
		"The order's ID in your store platform; all of its fulfillments are returned",
		{ placeholder: undefined },
	),
	...returnAllAndLimit(),
	optionsCollection([summaryOption]),
];

const readParameters = parameterReader(properties, z.object({ sourceOrderId }));

/** The documented plain array; an empty answer is no fulfillments, any other shape an error rather than an empty list. */
function listOf(ctx: IExecuteFunctions, response: unknown, itemIndex: number): IDataObject[] {
	if (Array.isArray(response)) return response as IDataObject[];
	if (response === undefined || response === null || response === '') return [];
	throw new NodeOperationError(
		ctx.getNode(),
		`OrderProtection answered with ${shown(response)} where a list of fulfillments was expected [item ${itemIndex}]`,
		{ itemIndex },
	);
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const params = readParameters(this, i);
		const paging = readPaging(this, i);
		const addSummary = readAddSummary(this, i);
		// The list is one plain array, not paged: the limit is applied here.
		const fulfillments = await apiRequest<unknown>(this, orderProtection, {
			method: 'GET',
			path: encodePath`/v1/orders/${params.sourceOrderId}/fulfillments`,
			itemIndex: i,
		});
		const list = listOf(this, fulfillments, i);
		return (paging.returnAll ? list : list.slice(0, paging.limit)).map((fulfillment) =>
			summarized(addSummary, orderProtectionSummary, fulfillment),
		);
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many fulfillments',
	description: 'Get the fulfillments of an order',
	toolDescription:
		"List the fulfillments reported to OrderProtection for one order, by the store's own order ID (Source Order ID, such as 5123456789): status, items and tracking of each. Read-only: changes nothing, safe to repeat.",
	properties,
	execute,
});
