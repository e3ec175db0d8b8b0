import { describe, expect, it } from 'vitest';
import { parseApiKey } from '@/lib/api-keys/key-format';
import { demoApiKeys } from './api-keys';

describe('demo API keys', () => {
  it('are a test secret key and a test publishable key', () => {
    const [secret, publishable] = demoApiKeys(42);
    expect(parseApiKey(secret!.key)).toEqual({ type: 'secret', environment: 'test' });
    expect(parseApiKey(publishable!.key)).toEqual({ type: 'publishable', environment: 'test' });
  });

  it('are the same for the same seed and differ between seeds', () => {
    expect(demoApiKeys(42)).toEqual(demoApiKeys(42));
    expect(demoApiKeys(43)[0]!.key).not.toBe(demoApiKeys(42)[0]!.key);
  });
});
