// A read-only npm registry on 127.0.0.1 that serves only the given tarballs,
// so a smoke test can install by name (`bun add @netrunner/bun`) as a user
// does after publishing, with nothing fetched from the network: any other
// name is a 404.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';

/** Serve `tarballs` ({ name: path }); resolves to { url, close() }. */
export async function startRegistry(tarballs) {
  const files = new Map(); // tarball file name -> bytes
  const manifests = new Map(); // package name -> its package.json
  for (const [name, path] of Object.entries(tarballs)) {
    files.set(basename(path), readFileSync(path));
    manifests.set(name, JSON.parse(execFileSync('tar', ['xzOf', path, 'package/package.json'], { encoding: 'utf8' })));
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://registry').pathname).slice(1);
    const body = path.startsWith('-/') ? files.get(path.slice(2)) : packument(path);
    if (!body) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const type = path.startsWith('-/') ? 'application/octet-stream' : 'application/json';
    res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;

  function packument(name) {
    const manifest = manifests.get(name);
    if (!manifest) return undefined;
    const bytes = files.get(basename(tarballs[name]));
    const dist = {
      tarball: `${url}-/${basename(tarballs[name])}`,
      shasum: createHash('sha1').update(bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    };
    const doc = { name, 'dist-tags': { latest: manifest.version }, versions: { [manifest.version]: { ...manifest, dist } } };
    return Buffer.from(JSON.stringify(doc));
  }

  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}
