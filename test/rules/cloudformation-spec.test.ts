import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { generateSpecModule, SPEC_MODULE } from '../../scripts/cloudformation-spec';

describe('generated CloudFormation spec module', () => {
  it(`${SPEC_MODULE} matches @aws-cdk/aws-service-spec (npm run spec)`, () => {
    assert.equal(readFileSync(resolve(__dirname, '../..', SPEC_MODULE), 'utf8'), generateSpecModule());
  });
});
