import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperation } from '../../shared/router';
import type { ResourceMap } from '../../shared/types';
import * as create from './fulfillment/create.operation';
import * as getMany from './fulfillment/getMany.operation';
import * as update from './fulfillment/update.operation';

export const resources: ResourceMap = {
	fulfillment: { create, getAll: getMany, update },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
