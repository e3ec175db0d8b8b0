import { describe, expect, it } from 'vitest';
import { brandingSchema } from '@/lib/merchants/branding-schema';
import { MerchantNotFoundError } from '@/lib/merchants/errors';
import { db } from '@/lib/db/client';
import { getMerchantBranding } from '@/lib/merchants/get-merchant-branding';
import { updateBranding } from '@/lib/merchants/update-branding';
import { insertMerchant, insertUser, query } from '@/tests/helpers/fixtures';

/**
 * Settings → Business → Branding against PostgreSQL: saved to the merchant's
 * brand_color / logo_url with an audit row in the same transaction, unchanged
 * values write nothing, and the database's own CHECKs agree with the form.
 */
const context = { ip: '203.0.113.7', userAgent: 'vitest' };

async function setup() {
  const merchantId = await insertMerchant();
  const email = `brand-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const actor = { userId: await insertUser({ email, name: 'Owner' }), email };
  return { merchantId, actor };
}

const audits = (merchantId: string) =>
  query<{ action: string; details: { fields: string[] } }>(
    `SELECT action, details FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.updated' ORDER BY id`,
    [merchantId],
  );

describe('updateBranding', () => {
  it('saves colour and logo with an audit row naming the fields; clearing works; no-op writes nothing', async () => {
    const { merchantId, actor } = await setup();
    const saved = await updateBranding(
      merchantId,
      brandingSchema.parse({ brand_color: '#0A2540', logo_url: 'https://cdn.example/logo.png' }),
      actor,
      context,
    );
    expect(saved.changed.sort()).toEqual(['brandColor', 'logoUrl']);
    expect(await getMerchantBranding(db(), merchantId)).toMatchObject({
      brandColor: '#0a2540',
      logoUrl: 'https://cdn.example/logo.png',
    });

    expect(
      (
        await updateBranding(
          merchantId,
          brandingSchema.parse({ brand_color: '#0a2540', logo_url: 'https://cdn.example/logo.png' }),
          actor,
          context,
        )
      ).changed,
    ).toEqual([]);
    expect(
      await updateBranding(
        merchantId,
        brandingSchema.parse({ brand_color: '', logo_url: 'https://cdn.example/logo.png' }),
        actor,
        context,
      ),
    ).toEqual({ changed: ['brandColor'] });
    expect(await getMerchantBranding(db(), merchantId)).toMatchObject({
      brandColor: null,
      logoUrl: 'https://cdn.example/logo.png',
    });

    const rows = await audits(merchantId);
    expect(rows.map((r) => r.details.fields.sort())).toEqual([['brandColor', 'logoUrl'], ['brandColor']]);
  });

  it('an unknown merchant is not found', async () => {
    const { actor } = await setup();
    await expect(
      updateBranding('00000000-0000-4000-8000-000000000000', brandingSchema.parse({}), actor, context),
    ).rejects.toBeInstanceOf(MerchantNotFoundError);
  });

  it('the database refuses what the form refuses', async () => {
    const { merchantId } = await setup();
    await expect(
      query(`UPDATE merchants SET brand_color = 'red' WHERE id = $1`, [merchantId]),
    ).rejects.toThrow(/brand_color/);
    await expect(
      query(`UPDATE merchants SET logo_url = 'http://x.example/a.png' WHERE id = $1`, [merchantId]),
    ).rejects.toThrow(/logo_url/);
  });
});
