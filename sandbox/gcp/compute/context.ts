import { Req, Res, Router, googleError } from '../../core/http.js';
import type { World } from '../../world.js';
import {
  Json,
  authenticate,
  hasPermission,
  isRes,
  matchesFilter,
  ok,
  paginate,
  permissionDenied,
} from '../common.js';
import type { GcpWorld } from '../state.js';
import { ComputeEmulator } from './emulator.js';
import { BASE, notFound, parseLink, singular } from './resources.js';

/** Where a Compute resource lives: the `global` collections, a region or a zone. */
export type Scope = { kind: 'global' } | { kind: 'regions'; name: string } | { kind: 'zones'; name: string };

/**
 * What every Compute handler starts from: the project in the path, the scope, the caller, the permission
 * check and the list envelope. One object per Compute service, handed to each resource family's routes.
 */
export class ComputeContext {
  constructor(
    readonly world: World,
    readonly gcp: GcpWorld,
    readonly ce: ComputeEmulator,
  ) {}

  /** The email of the identity behind the request (operations carry it as `user`). */
  userOf(req: Req): string {
    const who = authenticate(this.gcp, req);
    return 'email' in who ? who.email : this.gcp.clientEmail;
  }

  private publicImageProjects(): Set<string> {
    return new Set(this.gcp.scn.images.map((i) => parseLink(i.path)?.project).filter(Boolean) as string[]);
  }

  /** The project id for the path's project, or a 404 as GCE answers for a project it does not know. */
  proj(req: Req, allowPublicImages = false): string | Res {
    const p = req.params.project as string;
    const id = this.gcp.project(p);
    if (id) return id;
    if (allowPublicImages && this.publicImageProjects().has(p)) return p;
    return notFound(`projects/${p}`);
  }

  /** The scope named by `{scopeKind}/{scope}` in the path (global when the route has none). */
  scopeOf(req: Req): Scope | Res {
    const kind = req.params.scopeKind;
    const name = req.params.scope as string;
    if (kind === undefined) return { kind: 'global' };
    if (kind === 'regions')
      return this.gcp.scn.regions[name]
        ? { kind, name }
        : notFound(`projects/${req.params.project}/regions/${name}`);
    if (kind === 'zones')
      return this.ce.zonesOf().some((z) => z.zone === name)
        ? { kind, name }
        : notFound(`projects/${req.params.project}/zones/${name}`);
    return googleError(404, `No route ${req.method} ${req.path}`, 'notFound');
  }

  scopePath(s: Scope): string {
    return s.kind === 'global' ? 'global' : `${s.kind}/${s.name}`;
  }

  /** A 403 as IAM answers when the identity lacks `perm`, else undefined. */
  need(perm: string, resource: string): Res | undefined {
    return hasPermission(this.gcp, perm) ? undefined : permissionDenied(perm, resource);
  }

  verbPerm(collection: string, verb: string): string {
    return `compute.${collection === 'globalAddresses' ? 'globalAddresses' : collection}.${verb}`;
  }

  /** A Compute list: filtered, sorted by name, paginated (maxResults up to 500), `items` omitted when empty. */
  listBody(req: Req, project: string, collection: string, items: Json[], scope: string): Res {
    const filtered = items
      .filter((i) => matchesFilter(i, req.query.get('filter')))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const page = paginate(filtered, req, 'maxResults', 500, 500);
    if (isRes(page)) return page;
    const rel = `projects/${project}/${scope ? `${scope}/` : ''}${collection}`;
    const body: Json = { kind: `compute#${singular(collection)}List`, id: rel, selfLink: `${BASE}${rel}` };
    if (page.items.length) body.items = page.items;
    if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
    return ok(body);
  }
}

/** One resource family of the Compute API: adds its routes to the Compute service's router. */
export type ComputeFamily = (r: Router, cx: ComputeContext) => void;
