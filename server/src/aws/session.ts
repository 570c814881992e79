import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Client, MiddlewareStack } from '@smithy/types';
import type { CallError, Collected } from '../engine/account';
import { iamAction } from './iam-actions';
import { createLimiter } from './limiter';

/** What decides where requests go and with which credentials: only ever from user settings or the command line. */
export interface Target {
  readonly profile?: string;
  readonly region?: string;
  /** A custom endpoint for every service (an emulator, a proxy); AWS_ENDPOINT_URL works too, as the SDK reads it. */
  readonly endpoint?: string;
}

export interface SessionOptions extends Target {
  /** Credentials to use instead of the default chain (an assumed role's). */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly signal?: AbortSignal;
  /** Shared by the sessions of one scan: calls in flight and the call log. */
  readonly shared: SharedState;
  /** Adds middleware to each client (tests inject throttling this way). */
  readonly instrument?: (stack: MiddlewareStack<any, any>) => void;
}

/** One call as made: for the call count and the check that no call is repeated. */
export interface LoggedCall {
  readonly action: string;
  readonly region: string;
  readonly input: string;
}

export interface SharedState {
  readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  readonly calls: LoggedCall[];
}

export const MAX_CALLS_IN_FLIGHT = 8;
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 6;

export function sharedState(maxInFlight = MAX_CALLS_IN_FLIGHT): SharedState {
  return { limit: createLimiter(maxInFlight), calls: [] };
}

/** The IAM action and region a failed call was for, attached to its error by the middleware. */
const CALL = Symbol('pillar.call');
interface TaggedError {
  [CALL]?: { action: string; region: string };
}

type ClientClass<C> = new (config: any) => C;

/**
 * One account's clients: the default credential chain (or given credentials), the SDK's adaptive
 * retries with backoff, a timeout per request, and one middleware that bounds the calls in flight,
 * stops on cancellation, logs each call and tags its error with the IAM action.
 */
export class AwsSession {
  /** Clients by class, then region. */
  private readonly clients = new Map<ClientClass<unknown>, Map<string, Client<any, any, any>>>();
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;

  constructor(readonly options: SessionOptions) {
    // One provider for every client, so SSO tokens and assumed roles are resolved once.
    this.credentials = options.credentials ?? defaultProvider({ profile: options.profile });
  }

  client<C extends Client<any, any, any>>(Class: ClientClass<C>, region: string): C {
    let byRegion = this.clients.get(Class);
    if (!byRegion) this.clients.set(Class, (byRegion = new Map()));
    let client = byRegion.get(region) as C | undefined;
    if (!client) {
      client = new Class({
        region,
        credentials: this.credentials,
        endpoint: this.options.endpoint,
        retryMode: 'adaptive',
        maxAttempts: MAX_ATTEMPTS,
        requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
      });
      this.instrument(client, region);
      byRegion.set(region, client);
    }
    return client;
  }

  private instrument(client: Client<any, any, any>, region: string): void {
    const { shared, signal } = this.options;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const action = iamAction('client', String(context.clientName), String(context.commandName));
        return shared.limit(async () => {
          signal?.throwIfAborted();
          shared.calls.push({ action, region, input: JSON.stringify(args.input) });
          try {
            return await next(args);
          } catch (error) {
            if (error && typeof error === 'object') (error as TaggedError)[CALL] = { action, region };
            throw error;
          }
        });
      },
      { step: 'initialize', name: 'pillarCalls', priority: 'high' },
    );
    this.options.instrument?.(client.middlewareStack);
  }

  destroy(): void {
    for (const byRegion of this.clients.values()) for (const client of byRegion.values()) client.destroy();
    this.clients.clear();
  }
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedAccess', 'Forbidden']);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'TokenRefreshRequired',
  'AuthFailure',
]);

/** The code of an SDK error: its name, or the service's code. */
export function errorCode(error: unknown): string {
  const e = error as { name?: string; Code?: string; code?: string } | null;
  return e?.Code ?? e?.name ?? e?.code ?? 'Error';
}

/** Errors about the credentials themselves: the whole scan stops, with advice on how to sign in. */
export function isCredentialsError(error: unknown): boolean {
  return CREDENTIALS.has(errorCode(error)) || (error as { name?: string })?.name === 'CredentialsProviderError';
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: string })?.name === 'AbortError';
}

/** A failed call as data; credential failures and cancellation are thrown on, as they end the scan. */
export function callError(error: unknown, fallbackAction: string, fallbackRegion?: string): CallError {
  if (isCredentialsError(error) || isAbort(error)) throw error;
  const tag = (error as TaggedError | null)?.[CALL];
  const code = errorCode(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  const message = error instanceof Error ? error.message : String(error);
  return { action: tag?.action ?? fallbackAction, code, message, denied: DENIED.has(code) || status === 403, region: tag?.region ?? fallbackRegion };
}

/**
 * The value of a collection step, or its error as data. `action` names the step's first call, for
 * errors raised before any call was made.
 */
export async function collect<T>(action: string, region: string | undefined, work: () => Promise<T>): Promise<Collected<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: callError(error, action, region) };
  }
}

/** Whether an error is the service's way of saying "there is none" (no password policy, no hub…). */
export function hasCode(error: unknown, ...codes: string[]): boolean {
  const e = error as { name?: string; Code?: string } | null;
  return codes.includes(e?.name ?? '') || codes.includes(e?.Code ?? '');
}

/** The largest page the list calls accept (1,000 for IAM, EC2 and KMS): fewer round trips for big accounts. */
export const MAX_PAGE = 1000;
