import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperation } from '../../shared/router';
import type { ResourceMap } from '../../shared/types';
import * as assignSupplier from './fulfillment/assignSupplier.operation';
import * as getManyQueue from './fulfillmentQueue/getMany.operation';
import * as updateStatus from './order/updateStatus.operation';

export const resources: ResourceMap = {
	fulfillmentQueue: { getAll: getManyQueue },
	fulfillment: { assignSupplier },
	order: { updateStatus },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
