#!/usr/bin/env node
// Summarises a V8 .cpuprofile (as `npm run bench -- --profile=DIR` writes them): idle / GC share,
// self time by package and by function, and inclusive time of named functions.
//   node bench/n8n/profile-summary.mjs FILE [--top=25] [--inclusive=getNodeParameter,getCredentials]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
const options = Object.fromEntries(rest.map((arg) => arg.replace(/^--/, '').split('=')));
const top = Number(options.top ?? 25);
const inclusiveNames = (
	options.inclusive ??
	'getNodeParameter,getParameterValue,resolveSimpleParameterValue,evaluateExpression,getCredentials,authenticate,requestWithAuthentication,httpRequestWithAuthentication,proxyRequestToAxios,acquireIsolate,releaseIsolate,createIsolate,dispose,decrypt,validateParameters,execute,poll,runNode'
).split(',');

const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
	const id = profile.samples[i];
	self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const totalUs = [...self.values()].reduce((a, b) => a + b, 0);

function place(frame) {
	const url = frame.url ?? '';
	const pack = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (/node_modules\/n8n-nodes-fulfillment\//.test(url)) return 'the pack';
	if (pack) {
		const all = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
		return all.at(-1)[1];
	}
	if (url.startsWith('node:')) return 'node:internal';
	if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
	return url.split('/').slice(-2).join('/');
}

const label = (frame) =>
	`${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/.*node_modules\//, '').replace(/^file:\/\//, '')}:${frame.lineNumber + 1}`;

const bySelf = new Map();
const byPlace = new Map();
for (const [id, us] of self) {
	const frame = byId.get(id).callFrame;
	bySelf.set(label(frame), (bySelf.get(label(frame)) ?? 0) + us);
	byPlace.set(place(frame), (byPlace.get(place(frame)) ?? 0) + us);
}

const inclusive = new Map(inclusiveNames.map((name) => [name, 0]));
for (const [id, us] of self) {
	const seen = new Set();
	for (let at = id; at !== undefined; at = parent.get(at)) {
		const name = byId.get(at).callFrame.functionName;
		if (inclusive.has(name) && !seen.has(name)) {
			seen.add(name);
			inclusive.set(name, inclusive.get(name) + us);
		}
	}
}

// --via=NAME: NAME's inclusive time by the nearest frame of the pack that called it.
const via = new Map();
if (options.via) {
	for (const [id, us] of self) {
		let inside = false;
		for (let at = id; at !== undefined; at = parent.get(at)) {
			const frame = byId.get(at).callFrame;
			if (frame.functionName === options.via) inside = true;
			else if (inside && place(frame) === 'the pack') {
				via.set(label(frame), (via.get(label(frame)) ?? 0) + us);
				break;
			}
		}
	}
}

const ms = (us) =>
	`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %`;
const list = (map, count) =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([name, us]) => `  ${ms(us)}  ${name}`)
		.join('\n');
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`);
console.log(`\nself time by place:\n${list(byPlace, 15)}`);
console.log(`\nself time by function:\n${list(bySelf, top)}`);
if (options.via) console.log(`\n${options.via} by the pack's caller:\n${list(via, top)}`);
console.log(
	`\ninclusive time:\n${[...inclusive]
		.filter(([, us]) => us > 0)
		.sort((a, b) => b[1] - a[1])
		.map(([name, us]) => `  ${ms(us)}  ${name}`)
		.join('\n')}`,
);
