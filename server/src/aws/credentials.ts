import { errorCode } from './session';

/** A scan that cannot start or go on, with the one thing the user can do about it. */
export class PostureError extends Error {
  constructor(
    message: string,
    /** The command or setting that fixes it, e.g. `aws sso login --profile dev`. */
    readonly fix: string | undefined,
    readonly kind: 'credentials' | 'expired' | 'permission' | 'failed',
  ) {
    super(message);
    this.name = 'PostureError';
  }
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
const INVALID = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'AuthFailure']);

/** What to tell the user when the first call (GetCallerIdentity) fails: which credentials, what is wrong, how to fix it. */
export function explainCredentialsError(error: unknown, profile: string | undefined, sso: boolean): PostureError {
  const code = errorCode(error);
  const named = profile ? `profile "${profile}"` : 'the default credentials';
  const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
  const configure = profile ? `aws configure --profile ${profile}` : 'aws configure';
  const text = error instanceof Error ? error.message : String(error);
  if (EXPIRED.has(code) || /expired|refresh/i.test(text)) {
    return new PostureError(`The credentials of ${named} have expired.`, sso ? login : `${configure} (or refresh the session that issued them)`, 'expired');
  }
  if (INVALID.has(code)) return new PostureError(`AWS does not accept the credentials of ${named} (${code}).`, sso ? login : configure, 'credentials');
  if (code === 'CredentialsProviderError' || /credential/i.test(text)) {
    return new PostureError(`No AWS credentials were found for ${named}.`, sso ? login : configure, 'credentials');
  }
  return new PostureError(`Could not reach AWS with ${named}: ${text}`, undefined, 'failed');
}
