import type { AccessKeyColumns, CredentialReportRow } from '../engine/account';

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** A date column: null for N/A, no_information, not_supported and anything else that is not a date. */
function date(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** The IAM credential report, read by its column names (their order is not relied on). */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  if (!index.has('user') || !index.has('arn')) throw Object.assign(new Error('the credential report has no user and arn columns'), { name: 'MalformedCredentialReport' });
  return rows.map((cells) => {
    const get = (column: string) => cells[index.get(column) ?? -1]?.trim();
    const key = (n: 1 | 2): AccessKeyColumns => ({
      active: get(`access_key_${n}_active`) === 'true',
      lastRotated: date(get(`access_key_${n}_last_rotated`)),
      lastUsed: date(get(`access_key_${n}_last_used_date`)),
    });
    return {
      user: get('user') ?? '',
      arn: get('arn') ?? '',
      userCreationTime: date(get('user_creation_time')),
      passwordEnabled: get('password_enabled') === 'true',
      passwordLastUsed: date(get('password_last_used')),
      mfaActive: get('mfa_active') === 'true',
      accessKeys: [key(1), key(2)],
    };
  });
}
