import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment of a test that scans moto with the real SDK and its default credential chain:
 * static test keys, moto as AWS_ENDPOINT_URL, and empty shared config files so that the
 * developer's own ~/.aws never takes part.
 */
export function useEmulatorEnvironment(endpoint: string, accessAnalyzerEndpoint: string): void {
  const home = mkdtempSync(join(tmpdir(), 'pillar-aws-'));
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_ACCESSANALYZER: accessAnalyzerEndpoint,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  resolveLocalhostSubdomains();
}

/**
 * S3 Control puts the account id in front of the endpoint's host (123456789012.localhost). Names
 * under .localhost are loopback (RFC 6761), but this machine's resolver does not know that.
 */
function resolveLocalhostSubdomains(): void {
  const dnsLookup = dns.lookup;
  const patched = ((host: string, options: unknown, callback: unknown) =>
    (dnsLookup as (...args: unknown[]) => void)(host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : host, options, callback)) as typeof dns.lookup;
  dns.lookup = patched;
}

/**
 * IAM Access Analyzer's ListAnalyzers, which moto does not emulate: an active account analyzer in
 * the regions given, none elsewhere (the region comes from the request's signature).
 */
export async function startAccessAnalyzerStub(regionsWithAnalyzer: readonly string[], accountId = '123456789012'): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((request, response) => {
    const region = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
    response.setHeader('content-type', 'application/json');
    if (request.method !== 'GET' || !request.url?.startsWith('/analyzer')) {
      response.statusCode = 404;
      response.end(JSON.stringify({ message: `not emulated: ${request.method} ${request.url}` }));
      return;
    }
    const analyzers = regionsWithAnalyzer.includes(region)
      ? [{ arn: `arn:aws:access-analyzer:${region}:${accountId}:analyzer/pillar`, name: 'pillar', type: 'ACCOUNT', status: 'ACTIVE', createdAt: '2026-01-01T00:00:00Z' }]
      : [];
    response.end(JSON.stringify({ analyzers }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}
