import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperation } from '../../shared/router';
import type { ResourceMap } from '../../shared/types';
import * as accept from './fulfillmentOrder/accept.operation';
import * as getMany from './fulfillmentOrder/getMany.operation';
import * as ship from './fulfillmentOrder/ship.operation';

export const resources: ResourceMap = {
	fulfillmentOrder: { accept, getAll: getMany, ship },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
