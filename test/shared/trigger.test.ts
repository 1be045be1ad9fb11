import type { INodeProperties, INodeType } from 'n8n-workflow';
import { RE_EMIT_DEFAULTS } from '../../nodes/shared/polling';
import { SellfernTrigger } from '../../nodes/Sellfern/SellfernTrigger.node';
import { ShipperOneTrigger } from '../../nodes/ShipperOne/ShipperOneTrigger.node';
import { SkuIoTrigger } from '../../nodes/SkuIo/SkuIoTrigger.node';

// What every trigger's panel shows of the options defineTrigger adds: re-emission is on by default,
// so the panel says so before anyone opens Options, with labels n8n does not cut off.

const triggers: Array<[string, INodeType]> = [
	['Sellfern', new SellfernTrigger()],
	['ShipperOne', new ShipperOneTrigger()],
	['SKU.io', new SkuIoTrigger()],
];

/** n8n's panel cut "Re-Emit Unfinished After (Minutes)" after 29 characters. */
const LABEL_ROOM = 29;

describe.each(triggers)('%s Trigger: shared options declared once', (_name, trigger) => {
	const { properties } = trigger.description;
	const options = properties.find((property) => property.name === 'options')!
		.options as INodeProperties[];
	const option = (name: string) => options.find((entry) => entry.name === name)!;

	it('states what re-emission does with the defaults, above Options', () => {
		const notice = properties.find((property) => property.type === 'notice')!;
		expect(properties.indexOf(notice)).toBeLessThan(
			properties.findIndex((property) => property.name === 'options'),
		);
		expect(notice.displayName).toMatch(
			new RegExp(
				`still in the .+ ${RE_EMIT_DEFAULTS.afterMinutes} minutes after it was emitted is emitted again, at most ${RE_EMIT_DEFAULTS.maxTimes} times, marked \`reEmitted\`.*Change or turn this off under Options › Re-Emit After \\(Minutes\\)`,
			),
		);
	});

	it('keeps the stored option names, with the defaults the poll uses and says', () => {
		expect(option('reEmitAfterMinutes')).toMatchObject({
			displayName: 'Re-Emit After (Minutes)',
			default: RE_EMIT_DEFAULTS.afterMinutes,
		});
		expect(option('reEmitMaxTimes')).toMatchObject({
			displayName: 'Max Re-Emissions',
			default: RE_EMIT_DEFAULTS.maxTimes,
		});
		expect(option('reEmitAfterMinutes').description).toMatch(
			new RegExp(`^Default ${RE_EMIT_DEFAULTS.afterMinutes} \\(on\\)\\..* 0 turns this off`),
		);
		expect(option('reEmitMaxTimes').description).toMatch(
			new RegExp(`^Default ${RE_EMIT_DEFAULTS.maxTimes}\\.`),
		);
		expect(option('emitExisting')).toMatchObject({ type: 'boolean', default: false });
	});

	it('shows every option label whole', () => {
		const long = options.filter((entry) => entry.displayName.length > LABEL_ROOM);
		expect(long.map((entry) => entry.displayName)).toEqual([]);
	});
});

it('SKU.io shows the notice and the shared options only while watching a status', () => {
	const { properties } = new SkuIoTrigger().description;
	const notice = properties.find((property) => property.type === 'notice')!;
	expect(notice.displayOptions).toEqual({ show: { '/event': ['status'] } });
	const options = properties.find((property) => property.name === 'options')!
		.options as INodeProperties[];
	for (const name of ['emitExisting', 'reEmitAfterMinutes', 'reEmitMaxTimes']) {
		expect(options.find((entry) => entry.name === name)?.displayOptions).toEqual({
			show: { '/event': ['status'] },
		});
	}
});
