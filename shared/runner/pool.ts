import { parseDocument, isMap, isSeq } from 'yaml';
import { ConfigurationError } from '../errors.js';

export interface PoolFile {
  /** The text to write to /runner/pool.yaml. */
  text: string;
  /** Pool names (`<name>-<region>`). */
  pools: string[];
  /** json_path values found before the rewrite (pitfall 5: often relative). */
  originalJsonPaths: string[];
}

/**
 * Rewrites every `spec.account.json_path` of the module's pool.yaml to the absolute path of the key inside
 * the runner container (docs/domain.md#pitfalls, 5: the module copies the Terraform variable verbatim, usually a
 * relative path the container cannot resolve).
 */
export function rewritePoolYaml(text: string, keyPath: string, source = 'pool.yaml'): PoolFile {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigurationError(
      'POOL_YAML_INVALID',
      `${source} is not valid YAML: ${doc.errors[0]?.message ?? 'parse error'}`,
      'Pass the pool.yaml terraform-apply wrote (output pool-yaml-path), unmodified.',
    );
  }
  const instances = doc.get('instances');
  if (!isSeq(instances) || instances.items.length === 0) {
    throw new ConfigurationError(
      'POOL_YAML_INVALID',
      `${source} has no instances[]`,
      'Re-run terraform-apply: the module writes one pool per region subnet into pool.yaml.',
    );
  }
  const pools: string[] = [];
  const originalJsonPaths: string[] = [];
  instances.items.forEach((item, i) => {
    if (!isMap(item))
      throw new ConfigurationError(
        'POOL_YAML_INVALID',
        `${source}: instances[${i}] is not a mapping`,
        'Re-run terraform-apply to regenerate pool.yaml.',
      );
    pools.push(String(item.get('name') ?? `instance ${i}`));
    const old = item.getIn(['spec', 'account', 'json_path']);
    if (old !== undefined) originalJsonPaths.push(String(old));
    item.setIn(['spec', 'account', 'json_path'], keyPath);
  });
  return { text: doc.toString({ lineWidth: 0 }), pools, originalJsonPaths };
}
