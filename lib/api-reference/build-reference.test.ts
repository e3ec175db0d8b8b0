import { describe, expect, it } from 'vitest';
import { catalogue } from '@/lib/api/catalogue';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { buildReference } from './build-reference';
import { curlSample, formPairs, nodeSample } from './code-samples';

const reference = buildReference(buildOpenApiDocument(catalogue, 'http://localhost:3000'));
const op = (id: string) => reference.sections.flatMap((s) => s.operations).find((o) => o.id === id)!;
const param = (id: string, name: string) => op(id).parameters.find((p) => p.name === name);

describe('the API reference', () => {
  it('has a section per tag with every operation, in catalogue order within a path', () => {
    expect(reference.sections.map((s) => s.tag)).toEqual(['Customers', 'Payment methods', 'Payment intents', 'Charges', 'Refunds', 'Balance', 'Checkout sessions', 'Events', 'Webhook endpoints']);
    expect(reference.sections[0]!.operations.map((o) => o.summary)).toEqual([
      'Create a customer',
      'List customers',
      'Retrieve a customer',
      'Update a customer',
      'Delete a customer',
    ]);
    expect(op('customers.create')).toMatchObject({
      method: 'post',
      path: '/v1/customers',
      permission: 'customers:write',
    });
    // The permission has its own line on the page; the description does not repeat it.
    expect(op('customers.create').description).toBe(
      'Name, phone, address and shipping details are stored encrypted.',
    );
  });

  it('names parameters in bracket notation with their types and limits', () => {
    expect(param('customers.create', 'address[line1]')).toMatchObject({ type: 'string', depth: 1 });
    expect(param('customers.create', 'address[line1]')!.constraints).toContain('at most 200 characters');
    expect(param('customers.create', 'shipping[name]')).toMatchObject({ required: true });
    expect(param('customers.create', 'email')).toMatchObject({ type: 'string (email)', required: false });
    expect(param('customers.create', 'metadata')).toMatchObject({ type: 'hash of strings' });
    expect(param('customers.create', 'expand[]')).toMatchObject({ type: 'array of strings' });
    expect(param('customers.list', 'limit')).toMatchObject({ type: 'integer', constraints: ['1 to 100'] });
    expect(param('customers.list', 'created[gte]')).toMatchObject({ type: 'integer', depth: 1 });
    expect(param('customers.retrieve', 'customer')).toMatchObject({ required: true });
    expect(op('customers.delete').parameters.map((p) => p.name)).toEqual(['customer']);
  });

  it('says what each operation returns and lists the objects', () => {
    expect(op('customers.create').returns).toEqual(['customer']);
    expect(op('customers.retrieve').returns).toEqual(['customer', 'deleted_customer']);
    expect(op('customers.list').responseFields.map((f) => f.name)).toEqual([
      'object',
      'data',
      'has_more',
      'url',
    ]);
    expect(op('customers.list').responseFields[1]).toMatchObject({
      type: 'array of customer objects',
      object: 'customer',
    });
    const customer = reference.objects.find((o) => o.name === 'customer')!;
    expect(customer.fields.find((f) => f.name === 'shipping.address')).toMatchObject({ object: 'address' });
    expect(customer.fields.find((f) => f.name === 'email')).toMatchObject({ type: 'string, nullable' });
  });

  it('writes curl and stripe-node examples from the document', () => {
    expect(op('customers.create').curl).toBe(
      [
        'curl http://localhost:3000/v1/customers',
        '  -u sk_test_…:',
        '  -d email=jenny.rosen@example.com',
        '  -d name="Jenny Rosen"',
        '  -d "metadata[order_id]"=6735',
      ].join(' \\\n'),
    );
    expect(op('customers.list').curl).toMatch(/^curl -G http:\/\/localhost:3000\/v1\/customers /);
    expect(op('customers.delete').curl).toMatch(
      /^curl -X DELETE http:\/\/localhost:3000\/v1\/customers\/cus_/,
    );
    expect(op('customers.create').node).toContain(
      "new Stripe('sk_test_…', { host: 'localhost', port: 3000, protocol: 'http' })",
    );
    expect(op('customers.create').node).toContain('const customer = await stripe.customers.create({');
    // Nested resources keep their namespace, as in stripe-node.
    expect(op('checkout.sessions.create').node).toContain('const session = await stripe.checkout.sessions.create({');
    expect(op('checkout.sessions.listLineItems').node).toContain(
      "const lineItems = await stripe.checkout.sessions.listLineItems('cs_test_",
    );
    expect(op('customers.delete').node).toMatch(/stripe\.customers\.del\('cus_\w+'\);$/);
    expect(op('customers.list').node).toContain('stripe.customers.list({\n  limit: 3,\n})');
  });
});

describe('code samples', () => {
  it('form-encodes nested values and quotes for the shell', () => {
    expect(formPairs({ a: { b: 'c' }, expand: ['x', 'y'], n: 1 })).toEqual([
      ['a[b]', 'c'],
      ['expand[0]', 'x'],
      ['expand[1]', 'y'],
      ['n', '1'],
    ]);
    const curl = curlSample({
      method: 'post',
      path: '/v1/things/{thing}',
      operationId: 'things.update',
      pathParams: { thing: 'th_1' },
      params: { description: 'say "$HOME"' },
      serverUrl: 'https://pay.example',
    });
    expect(curl).toContain('https://pay.example/v1/things/th_1');
    expect(curl).toContain('-d description="say \\"\\$HOME\\""');
  });

  it('omits host options stripe-node defaults for https', () => {
    const node = nodeSample({
      method: 'get',
      path: '/v1/payment_intents',
      operationId: 'payment_intents.list',
      pathParams: {},
      serverUrl: 'https://pay.example',
    });
    expect(node).toContain("new Stripe('sk_test_…', { host: 'pay.example' })");
    expect(node).toContain('const paymentIntents = await stripe.paymentIntents.list();');
  });
});
