import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, days, daysSince } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-server-certificates-not-expired',
    area: 'identity-and-access-management',
    bestPractice: ['SEC09-BP01'],
    severity: 'warning',
    title: 'Expired server certificates must be removed from IAM',
    rationale:
      'An expired certificate still stored in IAM can be attached to a load balancer or CloudFront by mistake, which breaks TLS for clients, and it hides which certificates are really in use.',
    remediation: 'Delete the certificate (`aws iam delete-server-certificate --server-certificate-name NAME`) after checking nothing refers to it; manage new certificates in AWS Certificate Manager, which renews them.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.26'], ['1.19']),
    fixable: false,
  },
  check(context) {
    for (const certificate of context.use(context.snapshot.iam.serverCertificates) ?? []) {
      const age = daysSince(certificate.expiration, context.now);
      if (new Date(certificate.expiration) >= context.now) continue;
      // Server certificates have no console page; the IAM console's home is the nearest.
      context.report({ entity: { kind: 'certificate', id: certificate.name, console: consolePage.iam(context.snapshot, 'home') }, message: `Server certificate ${certificate.name} expired ${days(age)} ago (${certificate.expiration.slice(0, 10)}).` });
    }
  },
};

export default rule;
