import { createHash } from 'node:crypto';
import { Req, Res, googleError } from '../../core/http.js';

import { Json, googleErrorInfo, lroView, hasPermission, isRes, permissionDenied } from '../common.js';
import type { GcpWorld } from '../state.js';

/** The location-scoped prefix of every Certificate Manager v1 path. */
export const L = '/v1/projects/{project}/locations/{location}';
export const T = 'type.googleapis.com/google.cloud.certificatemanager.v1';
const ID_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

export function notFoundRes(name: string): Res {
  return googleErrorInfo(404, `Resource '${name}' was not found`, 'RESOURCE_NOT_FOUND', 'notFound');
}

/** `projects/<p>/locations/<l>` from the path, or the 403/400 Certificate Manager answers. */
export function loc(world: GcpWorld, req: Req): string | Res {
  const p = world.project(req.params.project as string);
  if (!p)
    return googleError(
      403,
      `Permission 'certificatemanager.certs.list' denied on 'projects/${req.params.project}/locations/${req.params.location}'`,
      'forbidden',
    );
  const l = req.params.location as string;
  if (l !== 'global' && !/^[a-z]+-[a-z]+\d+$/.test(l))
    return googleError(400, `Invalid location: ${l}`, 'badRequest');
  return `projects/${p}/locations/${l}`;
}

/** A long-running operation that completes after the scenario's operation time, with OperationMetadata. */
export function lro(
  world: GcpWorld,
  parent: string,
  verb: string,
  target: string,
  response: () => Json,
): Json {
  const now = world.now();
  const name = `${parent}/operations/operation-${now}-${createHash('sha1').update(`${target}${world.nextId()}`).digest('hex').slice(0, 30)}`;
  const meta = (done: boolean): Json => ({
    '@type': `${T}.OperationMetadata`,
    createTime: new Date(now).toISOString(),
    ...(done ? { endTime: new Date(now + (world.scn.operationMs ?? 50)).toISOString() } : {}),
    target,
    verb,
    requestedCancellation: false,
    apiVersion: 'v1',
  });
  const op = {
    name,
    createdAt: now,
    doneAt: now + (world.scn.operationMs ?? 50),
    metadata: meta(false),
    response,
  };
  world.operations.set(name, op);
  return lroView(op, world.now());
}

/** What every create does first: the location, the permission, a valid id, and no resource of that name yet. */
export function createTarget(
  world: GcpWorld,
  req: Req,
  permission: string,
  idParam: string,
  collection: string,
  existing: Map<string, unknown>,
): { parent: string; name: string } | Res {
  const parent = loc(world, req);
  if (isRes(parent)) return parent;
  if (!hasPermission(world, permission)) return permissionDenied(permission, parent);
  const id = req.query.get(idParam) ?? '';
  if (!ID_RE.test(id)) return googleError(400, `Invalid resource id: "${id}"`, 'badRequest');
  const name = `${parent}/${collection}/${id}`;
  if (existing.has(name))
    return googleErrorInfo(
      409,
      `Resource '${name}' already exists`,
      'RESOURCE_ALREADY_EXISTS',
      'alreadyExists',
    );
  return { parent, name };
}
