// The vendor icons must be told apart at a glance on a canvas: each vendor has its own dominant
// colour (hue) and its own outline, in a light and a dark variant, and every icon a node or
// credential names exists.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import { existsSync, readdirSync, readFileSync } from 'fs';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import path from 'path';
import { repoRoot } from './markdown';

const ICONS = path.join(repoRoot, 'icons');
const VENDORS = ['sellfern', 'shipperone', 'skuio', 's2', 'orderprotection'];
const MIN_HUE_DISTANCE = 30;

interface Icon {
	file: string;
	background: { tag: string; attributes: Record<string, string> };
	fill: string;
}

function readIcon(file: string): Icon {
	const svg = readFileSync(file, 'utf8');
	expect(svg).toMatch(
		/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 64 64"/,
	);
	// The first shape drawn is the background: the icon's outline and dominant colour.
	const match = /<svg[^>]*>\s*<(rect|circle|ellipse|polygon|path)\b([^>]*)\/?>/.exec(svg);
	if (!match) throw new Error(`${file}: no background shape`);
	const attributes = Object.fromEntries(
		[...match[2].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
	);
	if (!/^#[0-9a-f]{6}$/i.test(attributes.fill ?? ''))
		throw new Error(`${file}: background fill is not #rrggbb`);
	return { file, background: { tag: match[1], attributes }, fill: attributes.fill };
}

/** The outline kind: rounded square, circle, hexagon, diamond…, or the path itself. */
function outline({ background: { tag, attributes } }: Icon): string {
	if (tag === 'rect') return Number(attributes.rx ?? 0) > 0 ? 'rounded rectangle' : 'rectangle';
	if (tag === 'polygon')
		return `polygon with ${attributes.points.trim().split(/\s+/).length} corners`;
	if (tag === 'path') return `path ${attributes.d}`;
	return tag;
}

function hsl(hex: string): { h: number; s: number; l: number } {
	const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const l = (max + min) / 2;
	const d = max - min;
	if (d === 0) return { h: 0, s: 0, l };
	const s = d / (1 - Math.abs(2 * l - 1));
	const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
	return { h: (h * 60 + 360) % 360, s, l };
}

function hueDistance(a: string, b: string): number {
	const d = Math.abs(hsl(a).h - hsl(b).h);
	return Math.min(d, 360 - d);
}

const light = Object.fromEntries(
	VENDORS.map((vendor) => [vendor, readIcon(path.join(ICONS, `${vendor}.svg`))]),
);
const dark = Object.fromEntries(
	VENDORS.map((vendor) => [vendor, readIcon(path.join(ICONS, `${vendor}.dark.svg`))]),
);
const pairs = VENDORS.flatMap((a, i) => VENDORS.slice(i + 1).map((b) => [a, b] as const));

describe('Vendor icons', () => {
	it('are one light and one dark SVG per vendor, nothing else', () => {
		const expected = VENDORS.flatMap((vendor) => [`${vendor}.svg`, `${vendor}.dark.svg`]).sort();
		expect(readdirSync(ICONS).sort()).toEqual(expected);
	});

	it.each(pairs)('%s and %s have clearly different dominant colours (light and dark)', (a, b) => {
		expect(hueDistance(light[a].fill, light[b].fill)).toBeGreaterThanOrEqual(MIN_HUE_DISTANCE);
		expect(hueDistance(dark[a].fill, dark[b].fill)).toBeGreaterThanOrEqual(MIN_HUE_DISTANCE);
	});

	it.each(pairs)('%s and %s have different outlines', (a, b) => {
		const kinds = [outline(light[a]), outline(light[b])].map((kind) =>
			kind.replace(/^path .*/, 'path'),
		);
		expect(kinds[0]).not.toBe(kinds[1]);
	});

	it.each(VENDORS)(
		'%s: the dark variant keeps the outline and hue, lighter, to show on a dark canvas',
		(vendor) => {
			expect(outline(dark[vendor])).toBe(outline(light[vendor]));
			expect(hueDistance(dark[vendor].fill, light[vendor].fill)).toBeLessThan(MIN_HUE_DISTANCE / 2);
			expect(hsl(dark[vendor].fill).l).toBeGreaterThan(hsl(light[vendor].fill).l);
			expect(readFileSync(dark[vendor].file, 'utf8')).not.toBe(
				readFileSync(light[vendor].file, 'utf8'),
			);
		},
	);
});

describe('Icons named by nodes and credentials', () => {
	const sources = [
		...readdirSync(path.join(repoRoot, 'nodes'), { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.node.ts'))
			.map((file) => path.join(repoRoot, 'nodes', file)),
		...readdirSync(path.join(repoRoot, 'credentials'))
			.filter((file) => file.endsWith('.credentials.ts'))
			.map((file) => path.join(repoRoot, 'credentials', file)),
	];

	it('finds the node and credential files', () => {
		expect(sources.length).toBeGreaterThanOrEqual(13);
	});

	it.each(sources.map((file) => [path.relative(repoRoot, file), file]))(
		'%s names an existing light and dark icon of one vendor',
		(_name, file) => {
			const source = readFileSync(file, 'utf8');
			const icon =
				/icon(?::\s*Icon)?\s*[:=]\s*\{\s*light:\s*'file:([^']+)',\s*dark:\s*'file:([^']+)',?\s*\}/.exec(
					source,
				);
			expect(icon).not.toBeNull();
			const [lightFile, darkFile] = [icon![1], icon![2]].map((ref) =>
				path.resolve(path.dirname(file), ref),
			);
			expect(existsSync(lightFile)).toBe(true);
			expect(existsSync(darkFile)).toBe(true);
			expect(path.dirname(lightFile)).toBe(ICONS);
			expect(path.basename(darkFile)).toBe(path.basename(lightFile).replace(/\.svg$/, '.dark.svg'));
		},
	);
});
