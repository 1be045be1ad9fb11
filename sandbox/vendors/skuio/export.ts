import ExcelJS from 'exceljs';
import { unprocessable } from './errors';
import type { Fulfillment, FulfillmentLine } from './model';

type Cell = string | number | null;

interface Column {
	key: string;
	header: string;
	value(fulfillment: Fulfillment, line?: FulfillmentLine): Cell;
}

/** The documented summary columns, in the documented order, with the keys `columns` takes. */
export const SUMMARY_COLUMNS: Column[] = [
	{ key: 'id', header: 'ID', value: (f) => f.id },
	{ key: 'fulfillment_number', header: 'Fulfillment #', value: (f) => f.fulfillment_number },
	{ key: 'status', header: 'Status', value: (f) => f.status },
	{ key: 'fulfillment_type', header: 'Type', value: (f) => f.fulfillment_type },
	{ key: 'sales_order_number', header: 'Order #', value: (f) => f.sales_order_number },
	{ key: 'customer_name', header: 'Customer', value: (f) => f.customer_name },
	{ key: 'warehouse_name', header: 'Warehouse', value: (f) => f.warehouse_name },
	{ key: 'tracking_number', header: 'Tracking #', value: (f) => f.tracking_number },
	{
		key: 'requested_shipping_method',
		header: 'Req. Method',
		value: (f) => f.requested_shipping_method,
	},
	{
		key: 'requested_shipping_method_manual',
		header: 'Req. Method (Manual)',
		value: (f) => f.requested_shipping_method_manual,
	},
	{
		key: 'fulfillment_shipping_method',
		header: 'Ful. Method',
		value: (f) => f.fulfillment_shipping_method,
	},
	{
		key: 'fulfillment_shipping_method_manual',
		header: 'Ful. Method (Manual)',
		value: (f) => f.fulfillment_shipping_method_manual,
	},
	{ key: 'items_count', header: 'Items', value: (f) => f.lines.length },
	{
		key: 'total_quantity',
		header: 'Qty',
		value: (f) => f.lines.reduce((sum, line) => sum + line.quantity, 0),
	},
	{ key: 'cost', header: 'Cost', value: (f) => f.cost },
	{ key: 'fulfilled_at', header: 'Fulfilled At', value: (f) => f.fulfilled_at },
	{
		key: 'packing_slip_printed_at',
		header: 'Packing Slip Printed At',
		value: (f) => f.packing_slip_printed_at,
	},
	{ key: 'created_at', header: 'Created At', value: (f) => f.created_at },
	{ key: 'updated_at', header: 'Updated At', value: (f) => f.updated_at },
];

/** Added per line in line items mode. */
export const LINE_COLUMNS: Column[] = [
	{ key: 'item_sku', header: 'Item SKU', value: (_, line) => line?.sku ?? null },
	{ key: 'item_name', header: 'Item Name', value: (_, line) => line?.product_name ?? null },
	{
		key: 'item_description',
		header: 'Item Description',
		value: (_, line) => line?.description ?? null,
	},
	{ key: 'item_qty', header: 'Item Qty', value: (_, line) => line?.quantity ?? null },
	{ key: 'unit_price', header: 'Unit Price', value: (_, line) => line?.unit_price ?? null },
	{
		key: 'line_total',
		header: 'Line Total',
		value: (_, line) => (line ? Math.round(line.quantity * line.unit_price * 100) / 100 : null),
	},
];

export type ContentMode = 'summary' | 'line_items';

export function exportColumns(mode: ContentMode, keys: string | undefined): Column[] {
	const available = mode === 'line_items' ? [...SUMMARY_COLUMNS, ...LINE_COLUMNS] : SUMMARY_COLUMNS;
	if (keys === undefined || keys.trim() === '') return available;
	const wanted = keys
		.split(',')
		.map((key) => key.trim())
		.filter(Boolean);
	const unknown = wanted.filter((key) => !available.some((column) => column.key === key));
	if (unknown.length)
		unprocessable(
			'columns',
			`Unknown columns: ${unknown.join(', ')}. Allowed: ${available.map((c) => c.key).join(', ')}.`,
		);
	return available.filter((column) => wanted.includes(column.key));
}

/** The header and the rows: one per fulfillment, or one per line in line items mode. */
export function exportTable(
	fulfillments: Fulfillment[],
	mode: ContentMode,
	columns: Column[],
): Cell[][] {
	const rows: Cell[][] = [columns.map((column) => column.header)];
	for (const fulfillment of fulfillments) {
		const lines = mode === 'line_items' ? fulfillment.lines : [undefined];
		for (const line of lines) rows.push(columns.map((column) => column.value(fulfillment, line)));
	}
	return rows;
}

/** RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted. */
export function toCsv(rows: Cell[][]): Buffer {
	const field = (cell: Cell) => {
		const text = cell === null ? '' : String(cell);
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return Buffer.from(rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}

export async function toXlsx(rows: Cell[][]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Fulfillments');
	for (const row of rows) sheet.addRow(row);
	sheet.getRow(1).font = { bold: true };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
