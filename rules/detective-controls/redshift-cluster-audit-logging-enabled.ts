import type { Rule } from '../../server/src/engine/rule';
import { checkLogList } from '../lib/logs';
import { propertiesAt } from '../lib/properties';
import { asText, explainConditions } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'redshift-cluster-audit-logging-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'Redshift clusters should have audit logging',
    rationale:
      'Redshift audit logging records each connection with its source and user (the connection log), changes to database users (the user log) and, with user activity logging, each query before it runs. Without it, there is no record of who reached the warehouse and what they read, which is what an investigation of a data leak needs first.',
    remediation:
      'Set `LoggingProperties`: `LogDestinationType: cloudwatch` with `LogExports: [connectionlog, userlog, useractivitylog]`, or `BucketName` (and `S3KeyPrefix`) of a bucket whose policy lets Redshift write. For the user activity log, also set `enable_user_activity_logging` to `true` in the cluster parameter group.',
    docs: [
      'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html#cfn-redshift-cluster-loggingproperties',
    ],
    resourceTypes: ['AWS::Redshift::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_71'],
      cfnNag: [],
      cfnLint: [],
      kics: ['3de2d4ff-fe53-4fc9-95d3-2f8a69bf90d6'],
      securityHub: ['Redshift.4'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: sales
      MasterUsername: admin
      ManageMasterPassword: true
      Encrypted: true
      PubliclyAccessible: false
`,
      secure: `Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: sales
      MasterUsername: admin
      ManageMasterPassword: true
      Encrypted: true
      PubliclyAccessible: false
      LoggingProperties:
        LogDestinationType: cloudwatch
        LogExports: [connectionlog, userlog, useractivitylog]
`,
    },
  },
  resource(resource, context) {
    const phrase = 'does not keep an audit log of connections and users';
    let listChecked = false;
    for (const at of propertiesAt(resource, 'LoggingProperties', context)) {
      if (!at.pair) {
        context.report({ at: at.anchor, message: `${resource.logicalId} ${phrase}: LoggingProperties is not set${explainConditions(at.conditions)}.` });
        continue;
      }
      for (const branch of context.evaluator.candidates(at.pair.value)) {
        const conditions = [...at.conditions, ...branch.conditions];
        if (branch.value.kind === 'noValue') {
          context.report({ at: at.pair.value, message: `${resource.logicalId} ${phrase}: LoggingProperties is not set${explainConditions(conditions)}.` });
          continue;
        }
        if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
        const logging = branch.value.node;
        const destination = logging.byKey.get('LogDestinationType');
        const destinations = destination ? context.evaluator.candidates(destination.value).map((c) => asText(c.value)?.toLowerCase()) : ['s3'];
        // To CloudWatch Logs, the log types are listed; to S3, the bucket is named.
        if (destinations.includes('cloudwatch')) {
          if (!listChecked) checkLogList(resource, context, { path: 'LoggingProperties.LogExports', required: [], phrase, suggested: ['connectionlog', 'userlog', 'useractivitylog'] });
          listChecked = true;
        } else if (destinations.includes('s3') && !logging.byKey.has('BucketName')) {
          context.report({ at: logging.pairs[0]?.key ?? at.pair.key, message: `${resource.logicalId} ${phrase}: LoggingProperties names no BucketName to deliver the logs to${explainConditions(conditions)}.` });
        }
      }
    }
  },
};

export default rule;
