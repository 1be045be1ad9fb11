import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { forEachItem } from '../../shared/items';
import { encodePath } from '../../shared/transport';
import { apiRequest } from '../../shared/transport';
import { booleanFlag, pathId, validateParameters, z } from '../../shared/validation';
import { s2 } from '../transport';

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a smaller object: IDs, statuses, items as product ID, SKU and quantity, and shipments with their carrier, tracking numbers and labels, instead of the nested product, warehouse and organization records',
};

export interface GetRecordConfig {
	/** The ID parameter and its label in messages, e.g. `orderId` and "Order ID". */
	idParameter: string;
	idLabel: string;
	/** Where the records live, e.g. `/order`: a record is `GET /order/{id}`. */
	collectionPath: string;
	simplify(record: IDataObject): IDataObject;
}

/** The execute of a Get: one record per item by its ID, simplified when Simplify is on. */
export function getRecordExecute(config: GetRecordConfig) {
	const schema = z.object({ id: pathId(config.idLabel), simplify: booleanFlag('Simplify') });
	return async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		return await forEachItem(this, items, async (i) => {
			const params = validateParameters(
				this,
				schema,
				{ id: this.getNodeParameter(config.idParameter, i), simplify: this.getNodeParameter('simplify', i, false) },
				i,
			);
			const record = await apiRequest<IDataObject>(this, s2, {
				method: 'GET',
				path: `${config.collectionPath}${encodePath`/${params.id}`}`,
				itemIndex: i,
			});
			return params.simplify ? config.simplify(record) : record;
		});
	};
}
