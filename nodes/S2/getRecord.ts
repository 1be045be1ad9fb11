import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { forEachItem } from '../shared/items';
import { simplifyProperty } from '../shared/description';
import { apiRequest, encodePath } from '../shared/transport';
import { booleanFlag, parameterReader, pathId, z } from '../shared/validation';
import { readAddSummary, summarized, type FulfillmentSummary } from '../shared/summary';
import { organizationHeaders } from './organization';
import { s2 } from './transport';

/** Simplify is on by default from version 1.1; version 1 nodes keep it off, as they were saved. */
export function simplifyProperties(description: string): INodeProperties[] {
	return [
		{
			...simplifyProperty(description),
			default: false,
			displayOptions: { show: { '@version': [1] } },
		},
		{
			...simplifyProperty(description),
			displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		},
	];
}

export interface GetRecordConfig {
	properties: INodeProperties[];
	/** The ID parameter and its label in messages, e.g. `orderId` and "Order ID". */
	idParameter: string;
	idLabel: string;
	/** Where the records live, e.g. `/order`: a record is `GET /order/{id}`. */
	collectionPath: string;
	simplify(record: IDataObject): IDataObject;
	summarize(record: IDataObject): FulfillmentSummary;
}

/** The execute of a Get: one record per item by its ID, simplified when Simplify is on. */
export function getRecordExecute(config: GetRecordConfig) {
	const readParameters = parameterReader(
		config.properties,
		z.object({ [config.idParameter]: pathId(config.idLabel), simplify: booleanFlag('Simplify') }),
	);
	return async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await forEachItem(this, items, async (i) => {
			const params = readParameters(this, i);
			const id = params[config.idParameter] as string;
			const addSummary = readAddSummary(this, i);
			const headers = organizationHeaders(this, i);
			const record = await apiRequest<IDataObject>(this, s2, {
				method: 'GET',
				path: `${config.collectionPath}${encodePath`/${id}`}`,
				headers,
				itemIndex: i,
			});
			const output = params.simplify ? config.simplify(record) : record;
			return summarized(addSummary, config.summarize, output, record);
		});
	};
}
