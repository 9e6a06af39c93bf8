// The second baseline: a bare Fastify (no hooks, no validation, no logger) answering the same paths
// with the very bytes and content type the OneStop server returns for them, held as Buffers. The gap
// between it and hello-world is the cost of the payload (size, copying, the kernel); the gap between
// it and OneStop is OneStop's own per-request work.
import Fastify from 'fastify';

const source = process.env.SOURCE!; // e.g. http://127.0.0.1:3902
const paths = JSON.parse(process.env.PATHS!) as string[];
const app = Fastify({ logger: false });
const bodies = new Map<string, { type: string; body: Buffer }>();
for (const p of paths) {
  const res = await fetch(source + p);
  if (!res.ok) throw new Error(`${p}: ${res.status}`);
  bodies.set(p, { type: res.headers.get('content-type')!, body: Buffer.from(await res.arrayBuffer()) });
}
// One static route per path; the query string (if any) selects the body by the exact URL.
for (const routePath of new Set(paths.map((p) => p.split('?')[0]!))) {
  app.get(routePath, (request, reply) => {
    const hit = bodies.get(request.url);
    if (!hit) return reply.code(404).send();
    return reply.type(hit.type).send(hit.body);
  });
}
app.get('/', () => ({ ready: true }));
await app.listen({ port: Number(process.env.PORT ?? 3998), host: '127.0.0.1' });
console.log('ready');
