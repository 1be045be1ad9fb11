import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where slow installs (Node 24, n8n) are cached: FULFILLMENT_CACHE_DIR, else `<repo>/.cache`. */
export function cacheDir() {
	return path.resolve(process.env.FULFILLMENT_CACHE_DIR || path.join(repoRoot, '.cache'));
}
