import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { outputPerBatch, runBulk, targetIds, targetItemIndexes } from '../../../shared/bulk';
import { optionsCollection } from '../../../shared/description';
import {
	fileNameFromContentDisposition,
	headerText,
	isReadableStream,
	readStreamText,
} from '../../../shared/download';
import { sendRequest } from '../../../shared/transport';
import { oneOf, optionalString, parameterReader, z } from '../../../shared/validation';
import { filterGroupsProperty, filterQuery, filtersProperties, readFilters } from '../../filters';
import { FULFILLMENTS_PATH, skuIo } from '../../transport';
import { fulfillmentIdsProperty, readFulfillmentIds } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';

const FORMATS = {
	csv: { extension: 'csv', mimeType: 'text/csv' },
	xlsx: {
		extension: 'xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	},
} as const;
/** Selected IDs travel in the query string; this many keeps the URL well under common server limits. */
const MAX_IDS_PER_FILE = 500;

const properties: INodeProperties[] = [
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'CSV', value: 'csv' },
			{ name: 'XLSX', value: 'xlsx', description: 'Excel workbook' },
		],
		default: 'csv',
	},
	{
		displayName: 'Content',
		name: 'contentMode',
		type: 'options',
		options: [
			{ name: 'Summary', value: 'summary', description: 'One row per fulfillment' },
			{
				name: 'Line Items',
				value: 'line_items',
				description:
					'One row per line item, with its SKU, name, description, quantity, unit price and line total',
			},
		],
		default: 'summary',
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{
				name: 'Filtered',
				value: 'filtered',
				description: 'Fulfillments matching the filters below; one file per input item',
			},
			{
				name: 'All',
				value: 'all',
				description: 'Every fulfillment, ignoring filters; one file per input item',
			},
			{
				name: 'Selected IDs',
				value: 'selected',
				description: 'The IDs of all input items, in one file',
			},
		],
		default: 'filtered',
	},
	{
		...fulfillmentIdsProperty(
			'Fulfillment IDs this item brings: one ID, a comma-separated list or an array. The IDs of all input items go into one file (a new file every 500 IDs).',
		),
		displayOptions: { show: { scope: ['selected'] } },
	},
	...filtersProperties({ scope: ['filtered'] }),
	{ ...filterGroupsProperty, displayOptions: { show: { scope: ['filtered'] } } },
	optionsCollection([
		{
			displayName: 'Columns',
			name: 'columns',
			type: 'string',
			default: '',
			placeholder: 'fulfillment_number,status,tracking_number',
			description: 'Comma-separated column keys to include; all columns when empty',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'fulfillments.csv',
			description: 'The name to give the file; when empty, the name SKU.io sends',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
		},
	]),
];

const schema = z.object({
	format: oneOf('Format', ['csv', 'xlsx'] as const),
	contentMode: oneOf('Content', ['summary', 'line_items'] as const),
	scope: oneOf('Scope', ['filtered', 'all', 'selected'] as const),
	columns: optionalString().transform((value) =>
		value
			?.split(/[\s,;]+/)
			.filter((column) => column !== '')
			.join(','),
	),
	fileName: optionalString(),
	binaryPropertyName: optionalString().transform((value) => value ?? 'data'),
});

type ExportSettings = z.infer<typeof schema>;

const readSettings = parameterReader(properties, schema);
// Checked per item by readSettings: item 0's scope only decides how the run gathers its items.
const readScope = parameterReader(properties, z.object({ scope: z.unknown() }));

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/** Downloads one export and returns it as an n8n item with the file as binary data. */
async function download(
	ctx: IExecuteFunctions,
	settings: ExportSettings,
	qs: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const response = await sendRequest<unknown>(ctx, skuIo, {
		method: 'GET',
		path: `${FULFILLMENTS_PATH}/export`,
		qs: {
			format: settings.format,
			content_mode: settings.contentMode,
			scope: settings.scope,
			...(settings.columns ? { columns: settings.columns } : {}),
			...qs,
		},
		headers: { Accept: 'application/octet-stream' },
		// Straight into n8n's binary data store: a file of any size is never held in memory whole.
		encoding: 'stream',
		itemIndex,
	});
	const contentType = headerText(response.headers, 'content-type') ?? '';
	const file = response.body;
	if (!(isReadableStream(file) || Buffer.isBuffer(file)) || /json/i.test(contentType)) {
		const text = Buffer.isBuffer(file) ? file.toString('utf8') : await readStreamText(file, 300);
		throw new NodeOperationError(
			ctx.getNode(),
			'SKU.io answered the export with data instead of a file',
			{
				itemIndex,
				description: text ? `SKU.io said: ${text.slice(0, 300)}` : undefined,
			},
		);
	}
	const format = FORMATS[settings.format];
	const fileName =
		settings.fileName ??
		fileNameFromContentDisposition(headerText(response.headers, 'content-disposition')) ??
		`fulfillments.${format.extension}`;
	const mimeType =
		contentType && !/octet-stream/i.test(contentType)
			? contentType.split(';')[0].trim()
			: format.mimeType;
	const binary = await ctx.helpers.prepareBinaryData(file as BinaryInput, fileName, mimeType);
	return {
		json: {
			file_name: binary.fileName ?? fileName,
			format: settings.format,
			content_mode: settings.contentMode,
			scope: settings.scope,
		},
		binary: { [settings.binaryPropertyName]: binary },
	};
}

/** Selected IDs gather all items into shared files, so an item cannot choose another scope. */
function sameScopeError(ctx: IExecuteFunctions, itemIndex: number) {
	return new NodeOperationError(
		ctx.getNode(),
		`Scope must be the same for every item [item ${itemIndex}]`,
		{
			itemIndex,
		},
	);
}

/**
 * Selected IDs gather the IDs of all input items into shared files, each file paired to the items
 * that brought its IDs; the other scopes download one file per item.
 */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const selected = readScope(this, 0).scope === 'selected';
	return await runBulk<ExportSettings>(this, items, {
		batchSize: MAX_IDS_PER_FILE,
		groupKey: (settings) => JSON.stringify(settings),
		read: (i) => {
			const settings = readSettings(this, i);
			if ((settings.scope === 'selected') !== selected) throw sameScopeError(this, i);
			if (selected) return { ids: readFulfillmentIds(this, i), group: settings };
			const qs = settings.scope === 'filtered' ? filterQuery(readFilters(this, i)) : {};
			return { single: async () => [await download(this, settings, qs, i)] };
		},
		sendBatch: async (batch) => {
			const ids = targetIds(batch).join(',');
			return outputPerBatch(
				batch,
				await download(this, batch.group, { ids }, targetItemIndexes(batch)[0]),
			);
		},
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'export',
	name: 'Export',
	action: 'Export fulfillments to a file',
	description: 'Export fulfillments as a CSV or XLSX file',
	toolDescription:
		'Export SKU.io fulfillments as a CSV or Excel file (by IDs or filters), returned as binary data. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
