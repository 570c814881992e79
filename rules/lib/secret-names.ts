/**
 * Whether a name (a property, a parameter, an environment variable) says it holds a secret. Names
 * are read word by word and the last word decides: `DBPassword`, `DB_PASSWORD`, `ClientSecret`,
 * `GITHUB_TOKEN` and `StripeApiKey` do; `KeyName`, `KmsKeyId`, `PasswordLength`, `SecretArn`,
 * `ServiceToken` and `S3Key` do not. Pure, so the spec generator (scripts/) uses it too.
 */

/** `DBMasterPassword` → db master password; `DB_PASSWORD` → db password; `OAuthToken` → o auth token. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'passphrase', 'pass']);
/** Tokens that are not credentials: idempotency and pagination tokens, IMDS settings, Lambda ARNs of custom resources. */
const PLAIN_TOKENS = new Set(['client', 'service', 'http', 'next', 'continuation', 'pagination', 'page', 'idempotency', 'max', 'csrf', 'xsrf']);
/** The words before `key` that make it a credential: a private or API key, not an object or partition key. */
const SECRET_KEYS = new Set(['private', 'secret', 'api', 'signing', 'hmac', 'license', 'licence', 'app', 'client', 'shared', 'webhook', 'auth', 'token', 'encryption']);
/** Lower-case names written as one word: `dbpassword`, `clientsecret`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'passphrase', 'secret', 'secretkey', 'apikey', 'privatekey', 'authtoken', 'accesstoken', 'apitoken'];

type SecretKind = 'password' | 'secret' | 'token' | 'key';

/**
 * Names already read: every key of every template is asked about (`Type`, `Properties`, `BucketName`
 * again and again), and splitting it into words is most of the cost. Bounded, for a server that
 * runs for days.
 */
const kinds = new Map<string, SecretKind | null>();
const MAX_KNOWN_NAMES = 20_000;

/** What a name says it holds ("password", "secret", "token", "key"), or undefined when it names no secret. */
export function secretNameKind(name: string): SecretKind | undefined {
  const known = kinds.get(name);
  if (known !== undefined) return known ?? undefined;
  if (kinds.size >= MAX_KNOWN_NAMES) kinds.clear();
  const kind = readSecretNameKind(name);
  kinds.set(name, kind ?? null);
  return kind;
}

function readSecretNameKind(name: string): SecretKind | undefined {
  const words = nameWords(name);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (last === undefined) return undefined;
  if (PASSWORD_WORDS.has(last)) return last === 'pass' && before === 'by' ? undefined : 'password';
  if (last === 'secret') return 'secret';
  if (last === 'token') return before !== undefined && PLAIN_TOKENS.has(before) ? undefined : 'token';
  if (last === 'key') {
    if (before === 'access') return words[words.length - 3] === 'secret' ? 'key' : undefined;
    // `EncryptionKey` names a KMS key when written in CamelCase for CloudFormation; as a variable it holds one.
    return before !== undefined && SECRET_KEYS.has(before) && !(before === 'encryption' && /[a-z]/.test(name)) ? 'key' : undefined;
  }
  if (words.length === 1) {
    const suffix = SECRET_SUFFIXES.find((candidate) => last.endsWith(candidate));
    if (suffix) return suffix.includes('pass') ? 'password' : suffix.endsWith('key') ? 'key' : suffix.endsWith('token') ? 'token' : 'secret';
  }
  return undefined;
}
