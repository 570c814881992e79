import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, trailEntity, uniqueTrails } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-cloudtrail-multi-region-logging',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'error',
    title: 'A multi-region CloudTrail trail must be logging management events',
    rationale:
      'CloudTrail is the account\'s record of who did what. A trail that covers one region misses activity in the others, which is exactly where an intruder would work; a trail that is stopped or skips management events records nothing useful. Without it an investigation has no evidence.',
    remediation:
      'Create (or update) a trail with `IsMultiRegionTrail` on, recording all management events (read and write), and make sure it is logging: `aws cloudtrail create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail` then `aws cloudtrail start-logging --name org-trail`. An organization trail from the management account covers every member account.',
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html', 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['CloudTrail.1'], ['3.1']),
    fixable: false,
  },
  check(context) {
    const { snapshot } = context;
    const trails = uniqueTrails(context);
    if (!trails) return;
    const multiRegion = trails.filter((trail) => trail.multiRegion);
    // One good trail is enough: the check passes even if another trail's status could not be read.
    const good = multiRegion.find((trail) => trail.logging.ok && trail.logging.value && trail.managementEvents.ok && trail.managementEvents.value);
    if (good) return;
    if (multiRegion.length === 0) {
      context.report({ entity: { kind: 'account', id: snapshot.accountId, console: consolePage.regional(snapshot, snapshot.homeRegion, 'cloudtrailv2', '/trails') }, message: 'No CloudTrail trail records every region.' });
      return;
    }
    for (const trail of multiRegion) {
      const logging = context.use(trail.logging);
      const management = context.use(trail.managementEvents);
      const problems = [logging === false && 'is not logging', management === false && 'does not record all management events'].filter(Boolean);
      if (problems.length > 0) context.report({ entity: trailEntity(snapshot, trail), message: `Multi-region trail ${trail.name} ${problems.join(' and ')}.` });
    }
  },
};

export default rule;
