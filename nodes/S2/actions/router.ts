import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperation } from '../../shared/router';
import type { ResourceMap } from '../../shared/types';
import * as createFulfillment from './fulfillment/create.operation';
import * as getFulfillment from './fulfillment/get.operation';
import * as getOrder from './order/get.operation';

export const resources: ResourceMap = {
	fulfillment: { create: createFulfillment, get: getFulfillment },
	order: { get: getOrder },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
