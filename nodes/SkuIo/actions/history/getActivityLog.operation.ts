import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { bracketQuery } from '../../../shared/bracketQuery';
import { filtersCollection, optionsCollection } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import { optionalString, parameterReader, z } from '../../../shared/validation';
import { readList } from '../../lists';
import { fulfillmentPath } from '../../transport';
import { readPaging, returnAllAndLimit } from '../../../shared/pagination';
import { fulfillmentId, fulfillmentIdProperty } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';

const properties: INodeProperties[] = [
	...fulfillmentIdProperty('The ID of the fulfillment whose activity to get'),
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'tracking',
			description:
				'Only entries whose causer name, event, subject type or properties contain this text',
		},
	]),
	optionsCollection(),
];

const readParameters = parameterReader(
	properties,
	z.object({ fulfillmentId, search: optionalString() }),
);

/** One item per activity entry, on the fulfillment itself and on its lines. */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const { fulfillmentId, search } = readParameters(this, i);
		const paging = readPaging(this, i);
		return await readList(
			this,
			fulfillmentPath(fulfillmentId, 'activity-log'),
			bracketQuery({ filter: { search } }),
			paging,
			i,
		);
	});
}

export const operation = defineOperation({
	resource: 'history',
	value: 'getActivityLog',
	name: 'Get Activity Log',
	action: 'Get the activity log of a fulfillment',
	description: 'Get the activity on a fulfillment and its lines',
	toolDescription:
		'Read the activity log of SKU.io fulfillments (who changed what and when), optionally with a search text. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
