import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Only our own origin, and no inline script at all: the text size is applied before first paint by
 * `/display-settings.js`, and the service worker is registered from the bundle. `wasm-unsafe-eval`
 * lets the eL-QR decoder compile its WebAssembly (served from our origin) without allowing eval.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** The camera reads QR codes on our own pages (a payment slip, a booking at the counter); nothing else is ever needed. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

/**
 * The headers helmet sets with our options. They are the same on every answer, so helmet runs once,
 * at start-up, on a throw-away instance, and its headers are copied: each request then costs one
 * hook that sets a constant object, instead of helmet's dozen middlewares and a second onSend hook.
 */
async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The portal links out only to official payment and booking sites; they need not know the page.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  probe.get('/', () => '');
  const answer = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const fromHelmet = Object.entries(answer.headers).filter(([name]) => !['content-type', 'content-length', 'date', 'connection', 'keep-alive'].includes(name));
  return Object.fromEntries(fromHelmet.map(([name, value]) => [name, String(value)]));
}

/** Every answer carries these (errors too), set first thing, before any other hook can answer. */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = { ...(await helmetHeaders()), 'permissions-policy': PERMISSIONS_POLICY };
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
