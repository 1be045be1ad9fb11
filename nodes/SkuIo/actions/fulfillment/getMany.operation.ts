import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import {
	filterGroupsProperty,
	filterQuery,
	filtersProperties,
	readFilters,
	sortOptions,
} from '../../filters';
import { readList } from '../../lists';
import { FULFILLMENTS_PATH } from '../../transport';
import { readPaging, returnAllAndLimit } from '../../../shared/pagination';
import { defineOperation } from '../../../shared/operations';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { skuIoSummary } from '../../summary';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	...filtersProperties(),
	filterGroupsProperty,
	optionsCollection([...sortOptions, summaryOption]),
];

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const paging = readPaging(this, i);
		const filters = readFilters(this, i);
		const addSummary = readAddSummary(this, i);
		const list = await readList(this, FULFILLMENTS_PATH, filterQuery(filters), paging, i);
		return list.map((fulfillment) => summarized(addSummary, skuIoSummary, fulfillment));
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many fulfillments',
	description: 'Get many fulfillments, filtered and sorted',
	toolDescription:
		'List SKU.io fulfillments (shipments), optionally filtered by status, fulfillment type, dates or filter groups. Each has a numeric id (such as 1001) the other SKU.io tools take. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
