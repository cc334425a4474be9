/**
 * ESM bundles that contain google-gax crash with `__dirname is not defined`: CommonJS code inside the
 * bundle reads it at load time. This module defines it and must be the FIRST import of every entry.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as { __dirname?: string };
g.__dirname ??= dirname(fileURLToPath(import.meta.url));
