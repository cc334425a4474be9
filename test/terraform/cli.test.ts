import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '../../shared/logger.js';
import { loadHclParser, parseHcl } from '../../shared/terraform/root.js';

beforeAll(() => loadHclParser());
import { TerraformCli, errorSummary, maskValue } from '../../shared/terraform/cli.js';

describe('the Terraform runner', () => {
  it('says how to install the binary when it is missing', async () => {
    const runner = new TerraformCli({
      binary: 'tofu-not-installed-here',
      cwd: process.cwd(),
      env: process.env,
      log: new RecordingLogger(),
      lockTimeout: '1m',
    });
    await expect(runner.init()).rejects.toMatchObject({
      code: 'TERRAFORM_MISSING',
      message: expect.stringContaining('tofu-not-installed-here is not installed'),
    });
  });

  it("keeps Terraform's Error blocks and drops the box drawing", () => {
    const stderr = [
      '╷',
      '│ Error: Unsupported attribute',
      '│ ',
      '│   on main.tf line 3:',
      '│ This object does not have an attribute named "vm_image".',
      '╵',
    ].join('\n');
    expect(errorSummary(stderr)).toBe(
      'Error: Unsupported attribute\n\n  on main.tf line 3:\nThis object does not have an attribute named "vm_image".',
    );
  });

  it('masks every string inside a sensitive output', () => {
    const log = new RecordingLogger();
    maskValue(log, { a: ['s3cret-one', { b: 's3cret-two' }], n: 12345 });
    expect([...log.masks]).toEqual(['s3cret-one', 's3cret-two', '12345']);
  });

  it('turns the parser’s [result, error] into a real error', () => {
    expect(parseHcl('variable "x" {\n  type = string\n}\n', 'ok.tf')).toEqual({
      variable: { x: [{ type: '${string}' }] },
    });
    expect(() => parseHcl('variable "x" {\n type = \n}', 'bad.tf')).toThrow(
      /Cannot parse bad\.tf: it is not valid HCL/,
    );
  });
});
