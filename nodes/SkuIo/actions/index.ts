import { nodeProperties, type Resource } from '../../shared/operations';
import { operation as bulkVoid } from './fulfillment/bulkVoid.operation';
import { operation as exportFile } from './fulfillment/export.operation';
import { operation as get } from './fulfillment/get.operation';
import { operation as getLineItems } from './fulfillment/getLineItems.operation';
import { operation as getMany } from './fulfillment/getMany.operation';
import { operation as updateShippingDetails } from './fulfillment/updateShippingDetails.operation';
import { operation as voidShipment } from './fulfillment/void.operation';
import { operation as getActivityLog } from './history/getActivityLog.operation';
import { operation as getInventoryMovements } from './history/getInventoryMovements.operation';
import { operation as clearSubmission } from './salesChannel/clearSubmission.operation';
import { operation as submit } from './salesChannel/submit.operation';
import { operation as cancelOrder } from './shipmentProvider/cancelOrder.operation';
import { operation as resyncFrom } from './shipmentProvider/resyncFrom.operation';
import { operation as resyncTo } from './shipmentProvider/resyncTo.operation';

export const resources: Resource[] = [
	{
		name: 'Fulfillment',
		value: 'fulfillment',
		description: 'Shipments of sales orders',
		defaultOperation: getMany.value,
	},
	{
		name: 'Fulfillment History',
		value: 'history',
		description: 'Activity log and inventory movements of a fulfillment',
	},
	{
		name: 'Sales Channel',
		value: 'salesChannel',
		description: 'Tracking submitted to the sales channel',
	},
	{
		name: 'Shipment Provider',
		value: 'shipmentProvider',
		description: 'The fulfillment at its shipping provider',
	},
];

/** Every operation of the node: adding one is adding its file and a line here. */
export const operations = [
	bulkVoid,
	exportFile,
	get,
	getLineItems,
	getMany,
	updateShippingDetails,
	voidShipment,
	getActivityLog,
	getInventoryMovements,
	clearSubmission,
	submit,
	cancelOrder,
	resyncFrom,
	resyncTo,
];

export const properties = nodeProperties(resources, operations);
