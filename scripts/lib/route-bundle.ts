import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a route of the production build sends to the browser as JavaScript on
 * its first load, read from Next's own manifests in `.next/` (Turbopack
 * layout): the root main files (runtime, React, router) plus the chunks of the
 * root layout and of the page itself. Chunk file names change per build; the
 * client modules (our own 'use client' files) do not, which is what the
 * checkout's script inventory records.
 */
export interface RouteBundle {
  route: string;
  /** `framework`: Next's root main files (React, router, runtime), the same on every route. */
  files: { file: string; bytes: number; gzipBytes: number; framework: boolean }[];
  totalBytes: number;
  totalGzipBytes: number;
  /** The chunks of the root layout and the page: what this app adds to the framework. */
  routeGzipBytes: number;
  /** The route's client modules from this project (node_modules left out), e.g. components/checkout/card-form.tsx. */
  projectClientModules: string[];
}

interface ClientReferenceManifest {
  clientModules: Record<string, unknown>;
  entryJSFiles: Record<string, string[]>;
}

function readClientManifest(nextDir: string, route: string): ClientReferenceManifest {
  const file = path.join(nextDir, 'server/app', `${route}_client-reference-manifest.js`);
  const text = readFileSync(file, 'utf8');
  // `globalThis.__RSC_MANIFEST["/checkout/[id]/page"] = {...};`: the object is JSON.
  const start = text.indexOf('= {', text.indexOf(`["/${route}"]`));
  if (start < 0) throw new Error(`unexpected format of ${file}`);
  return JSON.parse(
    text
      .slice(start + 2)
      .trim()
      .replace(/;$/, ''),
  ) as ClientReferenceManifest;
}

/** `route` as in the app directory without a leading slash: `checkout/[id]/page`. */
export function routeBundle(root: string, route: string): RouteBundle {
  const nextDir = path.join(root, '.next');
  const build = JSON.parse(readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const manifest = readClientManifest(nextDir, route);
  const entries = ['[project]/app/layout', `[project]/app/${route}`];
  const files = [
    ...new Set([...build.rootMainFiles, ...entries.flatMap((e) => manifest.entryJSFiles[e] ?? [])]),
  ];
  if (!manifest.entryJSFiles[`[project]/app/${route}`])
    throw new Error(`no entry for ${route} in the client manifest`);
  const sized = files.map((file) => {
    const body = readFileSync(path.join(nextDir, file));
    return {
      file,
      bytes: body.length,
      gzipBytes: gzipSync(body).length,
      framework: build.rootMainFiles.includes(file),
    };
  });
  return {
    route,
    files: sized,
    totalBytes: sized.reduce((s, f) => s + f.bytes, 0),
    totalGzipBytes: sized.reduce((s, f) => s + f.gzipBytes, 0),
    routeGzipBytes: sized.filter((f) => !f.framework).reduce((s, f) => s + f.gzipBytes, 0),
    projectClientModules: Object.keys(manifest.clientModules)
      .filter((k) => k.startsWith('[project]/') && !k.includes('/node_modules/'))
      .map((k) => k.slice('[project]/'.length).replace(/ <module evaluation>$/, ''))
      .filter((k, i, all) => all.indexOf(k) === i)
      .sort(),
  };
}
