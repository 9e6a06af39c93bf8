// Sends a cached JSON body compressed once and remembered, instead of compressing it again on every
// request (what @fastify/compress would do). Browsers always ask for br or gzip; load tools and
// scripts that do not ask get the plain bytes.
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const memo = new WeakMap<Buffer, { br?: Buffer; gzip?: Buffer }>();

function variant(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  let m = memo.get(body);
  if (!m) memo.set(body, (m = {}));
  return (m[encoding] ??= encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
    : zlib.gzipSync(body, { level: 9 }));
}

/** Reply with `body` (JSON), pre-compressed when the client accepts it and it is worth it. */
export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  const accept = request.headers['accept-encoding'];
  if (!accept || body.length < 1024) return reply.send(body);
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) return reply.send(body);
  return reply.header('content-encoding', encoding).send(variant(body, encoding));
}
