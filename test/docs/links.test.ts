// Every documentation link a user can click: the nodes' and credentials' Docs links (codex files,
// documentationUrl) open the vendor's page at an existing heading, and the relative links between
// README, CONTRIBUTING, CHANGELOG and docs/ point at files and headings that exist.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import path from 'path';
import {
	anchorsOf,
	documentationFiles,
	githubSlug,
	linkProblem,
	linksOf,
	repoRoot,
	repositoryUrl,
} from './markdown';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const blobPrefix = `${repositoryUrl()}/blob/main/`;

/** Pages other branches add: linked already, checked once they exist. */
const PAGES_FROM_OTHER_BRANCHES = new Set(['docs/queue-mode.md', 'docs/reliability.md']);

/** The vendor page of a node or credential: its folder or credential name, lower case. */
const VENDOR_PAGES: Record<string, string> = {
	Sellfern: 'sellfern',
	ShipperOne: 'shipperone',
	SkuIo: 'skuio',
	S2: 's2',
	OrderProtection: 'orderprotection',
};

function vendorOf(name: string): string {
	const vendor = Object.keys(VENDOR_PAGES).find((prefix) => name.startsWith(prefix));
	if (!vendor) throw new Error(`no vendor page known for ${name}`);
	return VENDOR_PAGES[vendor];
}

/** What is wrong with a GitHub URL into this repository's main branch, or undefined. */
function remoteProblem(url: string): string | undefined {
	if (!url.startsWith(blobPrefix)) return `${url} does not start with ${blobPrefix}`;
	return linkProblem(url.slice(blobPrefix.length), path.join(repoRoot, 'README.md'));
}

const codexFiles = (pkg.n8n.nodes as string[]).map((built) =>
	built.replace(/^dist\//, '').replace(/\.node\.js$/, '.node.json'),
);
const credentialFiles = (pkg.n8n.credentials as string[]).map((built) =>
	built.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
);

describe('GitHub heading anchors', () => {
	it.each([
		['Credential', 'credential'],
		[
			'A duplicate Channel Fulfillment ID (409 `ALREADY_EXISTS`)',
			'a-duplicate-channel-fulfillment-id-409-already_exists',
		],
		['`npm start`', 'npm-start'],
		['Surprises in n8n 2.41.1 (and npm)', 'surprises-in-n8n-2411-and-npm'],
		['S2 (Ventmere)', 's2-ventmere'],
		[
			'Where the document is silent, and what we chose',
			'where-the-document-is-silent-and-what-we-chose',
		],
	])('%s → #%s', (heading, slug) => {
		expect(githubSlug(heading)).toBe(slug);
	});
});

describe('Docs links of the nodes (codex files)', () => {
	it.each(codexFiles)('%s opens its vendor page: Operations or Trigger, and Credential', (file) => {
		const codex = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
		const page = `docs/${vendorOf(path.basename(file))}.md`;
		const primary = codex.resources.primaryDocumentation.map((entry: { url: string }) => entry.url);
		const credential = codex.resources.credentialDocumentation.map(
			(entry: { url: string }) => entry.url,
		);
		const section = /Trigger\.node\.json$/.test(file) ? 'trigger' : 'operations';
		expect(primary).toEqual([`${blobPrefix}${page}#${section}`]);
		expect(credential).toEqual([`${blobPrefix}${page}#credential`]);
		for (const url of [...primary, ...credential]) expect(remoteProblem(url)).toBeUndefined();
	});
});

describe('Docs links of the credentials (documentationUrl)', () => {
	it.each(credentialFiles)('%s opens its vendor page at Credential', (file) => {
		const source = readFileSync(path.join(repoRoot, file), 'utf8');
		const urls = [...source.matchAll(/documentationUrl =\s*'([^']*)'/g)].map((match) => match[1]);
		expect(urls).toEqual([`${blobPrefix}docs/${vendorOf(path.basename(file))}.md#credential`]);
		expect(remoteProblem(urls[0])).toBeUndefined();
	});
});

describe('Relative links in README, CONTRIBUTING, CHANGELOG and docs/', () => {
	const links = documentationFiles().flatMap(linksOf);
	const relative = links.filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.target));

	it('finds the links it checks', () => {
		expect(relative.length).toBeGreaterThan(30);
	});

	it('every relative link points at an existing file and heading', () => {
		const problems = relative.flatMap(({ file, line, target }) => {
			const pathPart = target.split('#')[0];
			const resolved = path.relative(repoRoot, path.resolve(path.dirname(file), pathPart));
			if (
				pathPart &&
				PAGES_FROM_OTHER_BRANCHES.has(resolved) &&
				!existsSync(path.join(repoRoot, resolved))
			)
				return [];
			const problem = linkProblem(target, file);
			return problem ? [`${path.relative(repoRoot, file)}:${line} → ${target}: ${problem}`] : [];
		});
		expect(problems).toEqual([]);
	});

	it('every link into this repository on GitHub points at an existing file and heading', () => {
		const problems = links
			.filter((link) => link.target.startsWith(`${repositoryUrl()}/`))
			.flatMap(({ file, line, target }) => {
				const problem = remoteProblem(target);
				return problem ? [`${path.relative(repoRoot, file)}:${line}: ${problem}`] : [];
			});
		expect(problems).toEqual([]);
	});
});

describe('The README', () => {
	const readme = path.join(repoRoot, 'README.md');
	const targets = new Set(linksOf(readme).map((link) => link.target.split('#')[0]));

	it('is at most 15 KB', () => {
		expect(statSync(readme).size).toBeLessThanOrEqual(15 * 1024);
	});

	it('links every vendor page, the docs pages, CONTRIBUTING and the benchmarks', () => {
		const pages = readdirSync(path.join(repoRoot, 'docs'))
			.filter((name) => name.endsWith('.md'))
			.map((name) => `docs/${name}`);
		const wanted = [
			...Object.values(VENDOR_PAGES).map((vendor) => `docs/${vendor}.md`),
			...pages,
			...PAGES_FROM_OTHER_BRANCHES,
			'bench/README.md',
			'CONTRIBUTING.md',
			'CHANGELOG.md',
		];
		expect(wanted.filter((target) => !targets.has(target))).toEqual([]);
	});

	it('shows the install ways and the two quick-start commands', () => {
		const text = readFileSync(readme, 'utf8');
		for (const heading of ['install-in-n8n', 'quick-start', 'vendors'])
			expect(anchorsOf(readme)).toContain(heading);
		for (const phrase of [
			'Community Nodes',
			'npm install n8n-nodes-fulfillment',
			'docker',
			'npm ci && npm start',
			'npm ci && npm test',
		])
			expect(text).toContain(phrase);
		expect(text).toMatch(/!\[[^\]]+\]\(docs\/images\/[^)]+\.png\)/);
	});
});

describe('Vendor pages', () => {
	it.each(Object.values(VENDOR_PAGES))(
		'docs/%s.md has Credential, Operations and Sandbox sections',
		(vendor) => {
			const anchors = anchorsOf(path.join(repoRoot, 'docs', `${vendor}.md`));
			for (const anchor of ['credential', 'operations', 'sandbox'])
				expect(anchors).toContain(anchor);
			expect([...anchors].some((anchor) => anchor.startsWith('where-the-document'))).toBe(true);
		},
	);
});
