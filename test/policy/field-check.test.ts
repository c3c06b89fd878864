import { describe, expect, it } from 'vitest';
import { resourceFields } from '../../src/policy/field-check.js';

describe('resourceFields', () => {
  const repo = resourceFields('repository');

  it('accepts the fields of the model, nested objects, list length and indexes', () => {
    for (const path of ['visibility', 'branchProtection.requiredApprovals', 'webhooks.length', 'webhooks.0.https', 'gaps.webhooks.reason', 'id']) {
      expect(repo.problem(path.split('.')), path).toBeUndefined();
    }
  });

  it('names an unknown field, where it is, and the closest one', () => {
    expect(repo.problem(['visibilty'])).toBe('unknown field "visibilty" in repository (did you mean "visibility"?)');
    expect(repo.problem(['branchProtection', 'requiredApproval'])).toBe('unknown field "requiredApproval" in repository.branchProtection (did you mean "requiredApprovals"?)');
    expect(repo.problem(['archived', 'value'])).toBe('repository.archived is a single value, it has no field "value"');
    expect(repo.problem(['webhooks', 'https'])).toMatch(/repository.webhooks is a list: use every\/some\/none\/count/);
  });

  it('gives the scope of list elements, and says when a field is not a list', () => {
    const hooks = repo.elements(['webhooks']);
    expect(hooks.problem).toBeUndefined();
    expect(hooks.scope.problem(['sslVerification'])).toBeUndefined();
    expect(hooks.scope.problem(['sslVerificaton'])).toMatch(/in repository.webhooks\[\] \(did you mean "sslVerification"\?\)/);
    expect(repo.elements(['archived']).problem).toBe('repository.archived is not a list');
  });

  it('accepts any key below free-keyed maps and documented extension fields', () => {
    const image = resourceFields('container-image');
    expect(image.problem(['labels', 'org.opencontainers.image.source'])).toBeUndefined();
    expect(image.problem(['vendorScan', 'grade'])).toMatch(/unknown field "vendorScan"/);
    const extended = resourceFields('container-image', ['vendorScan']);
    expect(extended.problem(['vendorScan', 'grade'])).toBeUndefined();
    expect(extended.elements(['vendorScan', 'findings']).problem).toBeUndefined();
  });
});
