import { describe, expect, it } from 'vitest';
import {
  decideVerification,
  liveModeAllowed,
  nextMerchantStatus,
  VERIFICATION_NOTES,
} from './verification-rules';

describe('simulated verification', () => {
  it('verifies 000000000, with or without separators', () => {
    expect(decideVerification('000000000')).toEqual({ verificationStatus: 'verified', notes: null });
    expect(decideVerification('000-00-0000').verificationStatus).toBe('verified');
  });

  it('fails 111111111 with a note the merchant can act on', () => {
    expect(decideVerification('111111111')).toEqual({
      verificationStatus: 'failed',
      notes: 'The tax ID could not be verified',
    });
    expect(decideVerification(' 111 111 111 ').notes).toBe(VERIFICATION_NOTES.failed);
  });

  it('sends 222222222 to manual review', () => {
    expect(decideVerification('22-2222222').verificationStatus).toBe('pending');
  });

  it('verifies any other tax id', () => {
    expect(decideVerification('84-1234567').verificationStatus).toBe('verified');
    expect(decideVerification('GB123456789').verificationStatus).toBe('verified');
    expect(decideVerification('1111111111').verificationStatus).toBe('verified');
  });

  it('fails a missing tax id', () => {
    expect(decideVerification(null).verificationStatus).toBe('failed');
    expect(decideVerification(' - ').verificationStatus).toBe('failed');
  });
});

describe('account status after verification', () => {
  const verified = decideVerification('000000000');
  const failed = decideVerification('111111111');
  const review = decideVerification('222222222');

  it('activates a pending account once verified', () => {
    expect(nextMerchantStatus('pending', verified)).toBe('active');
  });

  it('keeps a pending account pending when verification fails or waits for review', () => {
    expect(nextMerchantStatus('pending', failed)).toBe('pending');
    expect(nextMerchantStatus('pending', review)).toBe('pending');
  });

  it('never lifts a suspension or reopens a closed account', () => {
    expect(nextMerchantStatus('suspended', verified)).toBe('suspended');
    expect(nextMerchantStatus('closed', verified)).toBe('closed');
  });

  it('allows live mode only for an active, verified merchant', () => {
    expect(liveModeAllowed({ status: 'active', verificationStatus: 'verified' })).toBe(true);
    expect(liveModeAllowed({ status: 'active', verificationStatus: 'failed' })).toBe(false);
    expect(liveModeAllowed({ status: 'pending', verificationStatus: 'verified' })).toBe(false);
    expect(liveModeAllowed({ status: 'suspended', verificationStatus: 'verified' })).toBe(false);
  });
});
