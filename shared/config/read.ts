import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The largest gitspaces.yaml read: a real one is a few KiB; anything near this is not a config file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a config file could not be read: what was found and the fix, for the caller to word as its error. */
export interface ConfigReadProblem {
  /** CONFIG_NOT_FOUND when nothing can be opened there, CONFIG_UNREADABLE for a file that is refused. */
  code: 'CONFIG_NOT_FOUND' | 'CONFIG_UNREADABLE';
  found: string;
  fix: string;
}

export type ConfigRead = { ok: true; text: string } | { ok: false; problem: ConfigReadProblem };

const CREATE_FIX =
  'Create it from examples/gitspaces.yaml, or pass its path (the `config` input, --config FILE).';

function fileKind(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads the config file once, bounded: opened without blocking (a FIFO with no writer would otherwise hang the
 * open), checked with fstat on the open descriptor (a pipe, a device or a directory is refused, and nothing can
 * swap the file between the check and the read), read up to MAX_CONFIG_BYTES + 1 bytes, and decoded as strict
 * UTF-8. Synchronous: `check-config` and the actions read one small file before anything else happens.
 */
export function readConfigFileSync(path: string): ConfigRead {
  const shown = shownPath(path);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer (open(2)).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      problem: { code: 'CONFIG_NOT_FOUND', found: `no readable file at ${shown} (${code})`, fix: CREATE_FIX },
    };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        ok: false,
        problem: {
          code: 'CONFIG_UNREADABLE',
          found: `${fileKind(st)} at ${shown}`,
          fix: 'Pass a regular file: gitspaces.yaml is read once, whole, and never from a pipe or a device.',
        },
      };
    if (st.size > MAX_CONFIG_BYTES) return { ok: false, problem: tooBig(shown, st.size) };
    const buf = Buffer.alloc(Math.min(st.size, MAX_CONFIG_BYTES) + 1);
    let n = 0;
    // The size can change after fstat: read until end of file, never more than the limit + 1 bytes.
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === buf.length)
        return n > MAX_CONFIG_BYTES
          ? { ok: false, problem: tooBig(shown, n) }
          : {
              ok: false,
              problem: {
                code: 'CONFIG_UNREADABLE',
                found: `${shown} grew while it was read`,
                fix: 'Run again once nothing writes to the file.',
              },
            };
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n));
      return { ok: true, text: text.replace(/^\uFEFF/, '') };
    } catch {
      return {
        ok: false,
        problem: {
          code: 'CONFIG_UNREADABLE',
          found: `bytes that are not UTF-8 in ${shown}`,
          fix: 'Save gitspaces.yaml as UTF-8 text (YAML files are UTF-8).',
        },
      };
    }
  } finally {
    closeSync(fd);
  }
}

function tooBig(path: string, size: number): ConfigReadProblem {
  return {
    code: 'CONFIG_UNREADABLE',
    found: `${path} of ${size > MAX_CONFIG_BYTES ? `more than ${MAX_CONFIG_BYTES}` : String(size)} bytes`,
    fix: `A gitspaces.yaml is a few KiB; the limit is ${MAX_CONFIG_BYTES} bytes (1 MiB). Check that --config names the right file.`,
  };
}

// eslint-disable-next-line no-control-regex
const CONTROL_G = /[\u0000-\u001f\u007f-\u009f]/g;

/** The path as printed: control characters (from a hostile --config value) written as \uXXXX. */
function shownPath(path: string): string {
  return path.replace(CONTROL_G, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
