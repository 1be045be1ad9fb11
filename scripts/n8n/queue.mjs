// What n8n's queue mode needs besides n8n: a private Postgres and a private Redis, from Debian's
// packages (installed here when missing), each on a free port with its data in a given folder,
// never the machine's default instances.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startProcess } from './processes.mjs';

const POSTGRES_ROOT = '/usr/lib/postgresql';
const DATABASE = 'n8n';
const DB_USER = 'n8n';

/** The newest installed Postgres server's bin folder, if any. */
function postgresBinDir() {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const versions = readdirSync(POSTGRES_ROOT)
		.filter((name) => existsSync(path.join(POSTGRES_ROOT, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

function redisServer() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Installs Debian's `postgresql` and `redis-server` when either is missing (apt-get as root, else
 * through `sudo -n`). Returns { postgresBin, redisServer }.
 */
export function ensureQueueServices({ log = console.error } = {}) {
	if (!postgresBinDir() || !redisServer()) {
		log('[queue] installing postgresql and redis-server (apt-get)');
		const sudo = isRoot() ? [] : ['sudo', '-n'];
		for (const args of [
			['apt-get', 'update', '-qq'],
			['apt-get', 'install', '-y', '-qq', 'postgresql', 'redis-server'],
		]) {
			const [cmd, ...rest] = [...sudo, ...args];
			const result = spawnSync(cmd, rest, {
				encoding: 'utf8',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
				maxBuffer: 64 * 1024 * 1024,
			});
			if (result.status !== 0)
				throw new Error(
					`${[cmd, ...rest].join(' ')} failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-15).join('\n')}`,
				);
		}
	}
	const postgresBin = postgresBinDir();
	const redis = redisServer();
	if (!postgresBin || !redis)
		throw new Error('postgresql or redis-server still missing after apt-get install');
	return { postgresBin, redisServer: redis };
}

/** As root, Postgres runs as the `postgres` user (it refuses root): the command, prefixed. */
function asPostgres(cmd, args) {
	return isRoot()
		? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] }
		: { cmd, args };
}

function run(cmd, args, what) {
	const result = spawnSync(cmd, args, { encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(
			`${what} failed (exit ${result.status}): ${`${result.stdout}${result.stderr}`.trim()}`,
		);
	return result.stdout;
}

async function waitForPort(port, { timeoutMs, proc, what }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (proc.exitInfo)
			throw new Error(
				`${what} exited (${JSON.stringify(proc.exitInfo)}) before it was ready:\n${proc.tail()}`,
			);
		const open = await new Promise((resolve) => {
			const socket = createConnection({ host: '127.0.0.1', port });
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await sleep(200);
	}
	throw new Error(`${what} not ready after ${Math.round(timeoutMs / 1000)} s:\n${proc.tail()}`);
}

/**
 * A private Postgres: `initdb` into `<dir>/data` (trust authentication, user n8n), the server on
 * 127.0.0.1:`port` with its socket in `<dir>/socket`, and a database `n8n`. `dir` must be reachable
 * by the postgres user (not under /root). Returns { host, port, database, user, proc, stop() }.
 */
export async function startPostgres({ dir, port, postgresBin, logFile }) {
	const chosenPort = port ?? (await freePort());
	const data = path.join(dir, 'data');
	const socket = path.join(dir, 'socket');
	const fresh = !existsSync(path.join(data, 'PG_VERSION'));
	mkdirSync(socket, { recursive: true });
	if (fresh) mkdirSync(data, { recursive: true });
	if (isRoot()) {
		const uid = Number(run('id', ['-u', 'postgres'], 'id -u postgres'));
		const gid = Number(run('id', ['-g', 'postgres'], 'id -g postgres'));
		for (const folder of [dir, data, socket]) chownSync(folder, uid, gid);
		chmodSync(data, 0o700);
	}
	if (fresh) {
		const init = asPostgres(path.join(postgresBin, 'initdb'), [
			'-D',
			data,
			'-U',
			DB_USER,
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		run(init.cmd, init.args, 'initdb');
	}
	const server = asPostgres(path.join(postgresBin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(chosenPort),
		'-k',
		socket,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
	]);
	const proc = startProcess(server.cmd, server.args, {
		cwd: dir,
		env: process.env,
		logFile,
		name: 'postgres',
		stopSignal: 'SIGINT',
	});
	await waitForPort(chosenPort, { timeoutMs: 60_000, proc, what: 'postgres' });
	const psql = (sql) => {
		for (let attempt = 0; ; attempt++) {
			const result = spawnSync(
				path.join(postgresBin, 'psql'),
				['-h', '127.0.0.1', '-p', String(chosenPort), '-U', DB_USER, '-d', 'postgres', '-tAc', sql],
				{ encoding: 'utf8' },
			);
			if (result.status === 0) return result.stdout.trim();
			// The port opens a moment before the server accepts logins ("the database system is starting up").
			if (attempt > 50) throw new Error(`psql ${sql} failed: ${result.stderr}`);
			spawnSync('sleep', ['0.2']);
		}
	};
	if (psql(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`) !== '1')
		psql(`CREATE DATABASE ${DATABASE}`);
	return {
		host: '127.0.0.1',
		port: chosenPort,
		database: DATABASE,
		user: DB_USER,
		proc,
		stop: (options) => proc.stop(options),
	};
}

/** A private Redis on 127.0.0.1:`port`, nothing saved to disk. Returns { host, port, proc, stop() }. */
export async function startRedis({ dir, port, redisServer, logFile }) {
	const chosenPort = port ?? (await freePort());
	mkdirSync(dir, { recursive: true });
	const proc = startProcess(
		redisServer,
		[
			'--port',
			String(chosenPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ cwd: dir, env: process.env, logFile, name: 'redis' },
	);
	await waitForPort(chosenPort, { timeoutMs: 30_000, proc, what: 'redis' });
	return { host: '127.0.0.1', port: chosenPort, proc, stop: (options) => proc.stop(options) };
}

/**
 * The encryption key every instance of one cluster shares, kept where n8n keeps its own
 * (`<userFolder>/.n8n/config`), so main and workers read the same one.
 */
export function ensureEncryptionKey(userFolder) {
	const file = path.join(userFolder, '.n8n', 'config');
	if (existsSync(file)) {
		const { encryptionKey } = JSON.parse(readFileSync(file, 'utf8'));
		if (encryptionKey) return encryptionKey;
	}
	const encryptionKey = randomBytes(24).toString('base64');
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify({ encryptionKey }, null, '\t')}\n`, { mode: 0o600 });
	return encryptionKey;
}

/** The environment main and every worker share in queue mode. */
export function queueEnv({ postgres, redis, encryptionKey }) {
	return {
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}
