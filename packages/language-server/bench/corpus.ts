/**
 * Realistic TypeScript for the server benchmark: types, services, utilities and Express routes, where about
 * one block in five is an auth check (some wrong, some right), as in an API codebase.
 */

const HEADER = `import express, { type NextFunction, type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';

const router = express.Router();
const SECRET = process.env.JWT_SECRET ?? 'dev-secret';
`;

type Block = (index: number) => string;

const typeBlock: Block = (index) => `
export interface Order${index} {
  id: string;
  customerId: string;
  items: Array<{ sku: string; quantity: number; price: number }>;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  createdAt: Date;
  notes?: string;
}

export type OrderSummary${index} = Pick<Order${index}, 'id' | 'status'> & { total: number };
`;

const serviceBlock: Block = (index) => `
export class OrderService${index} {
  private readonly orders = new Map<string, Order${index}>();

  add(order: Order${index}): void {
    this.orders.set(order.id, order);
  }

  total(order: Order${index}): number {
    return order.items.reduce((sum, item) => sum + item.quantity * item.price, 0);
  }

  summaries(): OrderSummary${index}[] {
    return [...this.orders.values()]
      .filter((order) => order.status !== 'cancelled')
      .map((order) => ({ id: order.id, status: order.status, total: this.total(order) }));
  }

  cancel(id: string): boolean {
    const order = this.orders.get(id);
    if (!order || order.status === 'shipped') return false;
    order.status = 'cancelled';
    return true;
  }
}
`;

const utilityBlock: Block = (index) => `
export function formatPrice${index}(cents: number, currency = 'EUR'): string {
  const amount = (cents / 100).toFixed(2);
  return currency === 'EUR' ? \`\${amount} €\` : \`\${currency} \${amount}\`;
}

export function chunk${index}<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}
`;

const routeBlock: Block = (index) => `
router.get('/orders/${index}', async (req: Request, res: Response) => {
  const page = Number(req.query.page ?? 1);
  if (!Number.isInteger(page) || page < 1) {
    return res.status(400).json({ message: 'page must be a positive integer' });
  }
  const service = new OrderService${index}();
  res.json({ page, orders: service.summaries().slice((page - 1) * 20, page * 20) });
});
`;

/** Alternates a wrong status for a missing token, a 401 without a challenge, and correct code. */
const authBlock: Block = (index) => {
  const variant = index % 3;
  const missing =
    variant === 0
      ? `res.status(403).json({ message: 'No token provided' })`
      : `res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ message: 'No token provided' })`;
  const expired =
    variant === 1
      ? `res.status(401).json({ message: 'Token expired' })`
      : `res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json({ message: 'Token expired' })`;
  return `
export function authenticate${index}(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!token) {
    return ${missing};
  }
  try {
    res.locals.user = jwt.verify(token, SECRET);
  } catch {
    return ${expired};
  }
  if (res.locals.user.role !== 'admin') {
    return res.status(403).json({ message: 'Admins only' });
  }
  next();
}
`;
};

const BLOCKS: Block[] = [typeBlock, serviceBlock, utilityBlock, routeBlock, authBlock];

/** A TypeScript module of at least `lines` lines. */
export function typescriptModule(lines: number, seed = 0): string {
  let text = HEADER;
  let count = text.split('\n').length;
  for (let index = 0; count < lines; index++) {
    const block = BLOCKS[index % BLOCKS.length]!(seed * 1000 + Math.floor(index / BLOCKS.length));
    text += block;
    count += block.split('\n').length - 1;
  }
  return `${text}\nexport default router;\n`;
}

/** A helper module another file imports: the project index reads that calling it answers 403 (a status it decides). */
export const REJECT_HELPER = `import type { Response } from 'express';

export function rejectMissingToken(res: Response) {
  return res.status(403).json({ message: 'No token provided' });
}
`;

/**
 * A module of at least `lines` lines that also imports `REJECT_HELPER` (as \`./reject\`) and answers a missing
 * token through it in a few routes: with the helper on disk, the project index makes each call a finding.
 */
export function moduleImportingHelper(lines: number): string {
  const uses = [1, 2, 3].map(
    (index) => `
router.get('/helper/${index}', (req: Request, res: Response) => {
  if (!req.headers.authorization) {
    return rejectMissingToken(res);
  }
  res.json({ ok: true });
});
`,
  );
  return `import { rejectMissingToken } from './reject';\n${typescriptModule(lines)}${uses.join('')}`;
}
