import { HttpError } from './http-error';
import type { SandboxRequest } from './request';
import type { SandboxResponse } from './response';

export type Handler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export type RouteMatch =
	| { kind: 'found'; handler: Handler; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[] }
	| { kind: 'not-found' };

interface Route {
	method: string;
	segments: string[];
	handler: Handler;
}

/** Method + path patterns such as `/api/v2/orders/:id/status`; `:name` captures one URL-decoded segment. */
export class Router {
	private readonly routes: Route[] = [];

	get(pattern: string, handler: Handler): this {
		return this.add('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler): this {
		return this.add('POST', pattern, handler);
	}

	put(pattern: string, handler: Handler): this {
		return this.add('PUT', pattern, handler);
	}

	patch(pattern: string, handler: Handler): this {
		return this.add('PATCH', pattern, handler);
	}

	delete(pattern: string, handler: Handler): this {
		return this.add('DELETE', pattern, handler);
	}

	add(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
		return this;
	}

	/** `path` still percent-encoded; a malformed escape is a 400. */
	match(method: string, path: string): RouteMatch {
		const segments = split(path).map(decodeSegment);
		const allowed: string[] = [];
		for (const route of this.routes) {
			const params = matchSegments(route.segments, segments);
			if (!params) continue;
			if (route.method === method.toUpperCase())
				return { kind: 'found', handler: route.handler, params };
			allowed.push(route.method);
		}
		return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
	}
}

function split(path: string): string[] {
	return path.split('/').filter((segment) => segment !== '');
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		// Answered below as a 400.
	}
	throw new HttpError(400, `Malformed percent-encoding in path segment "${segment}"`);
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
	if (pattern.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i];
		else if (pattern[i] !== segments[i]) return undefined;
	}
	return params;
}
