import { Inputs, envInputSource, mapInputSource, parseDuration, parseList } from '../../shared/inputs.js';
import { RecordingLogger } from '../../shared/logger.js';

const inputs = (values: Record<string, string>, log = new RecordingLogger()) =>
  new Inputs(mapInputSource(values), log);

test('required: trimmed value, or a ConfigurationError naming the input and the fix', () => {
  expect(inputs({ config: '  gitspaces.yaml \n' }).required('config')).toBe('gitspaces.yaml');
  expect(() => inputs({}).required('config')).toThrow(
    expect.objectContaining({
      code: 'INPUT_MISSING',
      message: 'Input required and not supplied: config',
      fix: expect.stringContaining('`config`'),
    }),
  );
  expect(() => inputs({ config: '   ' }).required('config')).toThrow(/not supplied: config/);
});

test('optional falls back on empty', () => {
  expect(inputs({ a: '' }).optional('a', 'dflt')).toBe('dflt');
  expect(inputs({ a: 'x' }).optional('a', 'dflt')).toBe('x');
});

test('booleans: exactly the YAML 1.2 core words core.getBooleanInput accepts; anything else names the input', () => {
  const i = inputs({ t1: 'true', t2: 'True', t3: ' TRUE ', f1: 'false', f2: 'False', f3: 'FALSE' });
  expect(['t1', 't2', 't3'].map((n) => i.boolean(n, false))).toEqual([true, true, true]);
  expect(['f1', 'f2', 'f3'].map((n) => i.boolean(n, true))).toEqual([false, false, false]);
  for (const word of ['yes', 'on', '1', 'no', 'off', '0', 'tRUE', 'maybe']) {
    expect(() => inputs({ wait: word }).boolean('wait', true)).toThrow(
      expect.objectContaining({
        code: 'INPUT_INVALID',
        message: `Input wait must be a boolean, got "${word}"`,
        fix: expect.stringContaining('`wait: true` or `wait: false`'),
      }),
    );
  }
});

test('booleans: the default applies to an input not set at all; one set to an empty string is refused, as core does', () => {
  expect(inputs({}).boolean('wait', true)).toBe(true);
  expect(inputs({}).boolean('wait', false)).toBe(false);
  expect(() => inputs({ wait: '' }).boolean('wait', true)).toThrow(/Input wait must be a boolean, got ""/);
  expect(() => inputs({ wait: '  ' }).boolean('wait', true)).toThrow(/Input wait must be a boolean/);
});

test('durations: units, combinations, plain seconds; garbage is refused', () => {
  expect(parseDuration('90s')).toBe(90_000);
  expect(parseDuration('10m')).toBe(600_000);
  expect(parseDuration('1h30m')).toBe(5_400_000);
  expect(parseDuration('500ms')).toBe(500);
  expect(parseDuration('45')).toBe(45_000);
  expect(parseDuration('1.5s')).toBe(1500);
  for (const bad of ['', '10 minutes', 'm10', '10x', '1h 30m', '-5s'])
    expect(parseDuration(bad)).toBeUndefined();
  expect(inputs({ t: '2m' }).duration('t', 1)).toBe(120_000);
  expect(inputs({}).duration('t', 1234)).toBe(1234);
  expect(() => inputs({ t: 'soon' }).duration('t', 1)).toThrow(/not a duration: "soon"/);
});

test('lists: one item a line as core.getMultilineInput, a line also split on commas (as action.yml documents), blanks dropped', () => {
  expect(parseList('a, b,,c\n d \n\n')).toEqual(['a', 'b', 'c', 'd']);
  expect(parseList('validate\r\nconfigure\n  \ncreate')).toEqual(['validate', 'configure', 'create']);
  expect(inputs({ regions: 'us-central1\neurope-west1' }).list('regions')).toEqual([
    'us-central1',
    'europe-west1',
  ]);
  expect(inputs({}).list('regions')).toEqual([]);
});

test('integers and oneOf', () => {
  const i = inputs({ n: '3', neg: '-1', mode: 'apply', other: 'yolo' });
  expect(i.integer('n', 1)).toBe(3);
  expect(i.integer('missing', 7)).toBe(7);
  expect(() => i.integer('neg', 1)).toThrow(/whole number >= 0/);
  expect(i.oneOf('mode', ['plan', 'apply'] as const, 'plan')).toBe('apply');
  expect(() => i.oneOf('other', ['plan', 'apply'] as const, 'plan')).toThrow(
    /one of plan, apply; got "yolo"/,
  );
});

test('a secret is masked the moment it is read, every line of a multi-line one too', () => {
  const log = new RecordingLogger();
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
  const i = inputs({ key: 'pat.abc.def.ghi', pem }, log);
  expect(i.secret('key')).toBe('pat.abc.def.ghi');
  expect(i.secret('pem')).toBe(pem);
  log.info('key=pat.abc.def.ghi line=MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  expect(log.text()).toBe('info: key=*** line=***');
  expect(() => inputs({}, log).secret('key', { required: true })).toThrow(/not supplied: key/);
  expect(inputs({}, log).secret('key')).toBe('');
});

test('envInputSource follows the runner convention INPUT_<NAME> (spaces to underscores, dashes kept)', () => {
  const src = envInputSource({ 'INPUT_HARNESS-API-KEY': 'k', INPUT_MY_INPUT: 'v' });
  expect(src('harness-api-key')).toBe('k');
  expect(src('my input')).toBe('v');
  expect(src('absent')).toBeUndefined();
});
