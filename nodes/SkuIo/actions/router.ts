import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperation } from '../../shared/router';
import type { ResourceMap } from '../../shared/types';
import * as bulkVoid from './fulfillment/bulkVoid.operation';
import * as exportFile from './fulfillment/export.operation';
import * as get from './fulfillment/get.operation';
import * as getAll from './fulfillment/getAll.operation';
import * as getLineItems from './fulfillment/getLineItems.operation';
import * as updateShippingDetails from './fulfillment/updateShippingDetails.operation';
import * as voidShipment from './fulfillment/void.operation';
import * as getActivityLog from './history/getActivityLog.operation';
import * as getInventoryMovements from './history/getInventoryMovements.operation';
import * as clearSubmission from './salesChannel/clearSubmission.operation';
import * as submit from './salesChannel/submit.operation';
import * as cancelOrder from './shipmentProvider/cancelOrder.operation';
import * as resyncFrom from './shipmentProvider/resyncFrom.operation';
import * as resyncTo from './shipmentProvider/resyncTo.operation';

export const resources: ResourceMap = {
	fulfillment: {
		bulkVoid,
		export: exportFile,
		get,
		getAll,
		getLineItems,
		updateShippingDetails,
		void: voidShipment,
	},
	history: { getActivityLog, getInventoryMovements },
	salesChannel: { clearSubmission, submit },
	shipmentProvider: { cancelOrder, resyncFrom, resyncTo },
};

/** Every operation module, for the node description. */
export const operations = Object.values(resources).flatMap((byOperation) => Object.values(byOperation));

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
