import QRCode from 'qrcode';
import { db } from '@/lib/db/client';
import { listSessions } from '@/lib/auth/sessions';
import { otpauthUri } from '@/lib/auth/totp';
import { describeUserAgent } from './describe-user-agent';
import { sessionPublicId } from './revoke-session';
import { openTotpSecret } from './two-factor-secret';

export type TwoFactorStatus =
  | { state: 'off' }
  /** Enrolment started: the secret to scan or type in, until a code confirms it. */
  | { state: 'pending'; secret: string; qrDataUrl: string }
  | { state: 'on'; enabledAt: Date; recoveryCodesLeft: number };

export interface SessionSummary {
  publicId: string;
  current: boolean;
  device: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface SecurityOverview {
  email: string;
  isPlatformAdmin: boolean;
  passwordChangedAt: Date;
  twoFactor: TwoFactorStatus;
  sessions: SessionSummary[];
}

/** Everything the security page shows about the signed-in person. */
export async function getSecurityOverview(
  viewer: { userId: string; sessionId: string },
  issuer: string,
): Promise<SecurityOverview> {
  const user = await db().user.findUniqueOrThrow({
    where: { userId: viewer.userId },
    select: {
      userId: true,
      email: true,
      role: true,
      passwordChangedAt: true,
      totpSecretEncrypted: true,
      totpKeyId: true,
      totpEnabledAt: true,
    },
  });
  const [twoFactor, sessions] = await Promise.all([twoFactorStatus(user, issuer), listSessions(user.userId)]);
  return {
    email: user.email,
    isPlatformAdmin: user.role === 'admin',
    passwordChangedAt: user.passwordChangedAt,
    twoFactor,
    // This browser first, then the others by last activity (listSessions' order).
    sessions: sessions
      .map((s) => ({
        publicId: sessionPublicId(s.id),
        current: s.id === viewer.sessionId,
        device: describeUserAgent(s.userAgent),
        // IPv4 clients of a dual-stack listener arrive as ::ffff:a.b.c.d.
        ip: s.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''),
        createdAt: new Date(s.createdAt),
        lastSeenAt: new Date(s.lastSeenAt),
      }))
      .sort((a, b) => Number(b.current) - Number(a.current)),
  };
}

async function twoFactorStatus(
  user: {
    userId: string;
    email: string;
    totpSecretEncrypted: Uint8Array | null;
    totpKeyId: string | null;
    totpEnabledAt: Date | null;
  },
  issuer: string,
): Promise<TwoFactorStatus> {
  if (user.totpEnabledAt) {
    const recoveryCodesLeft = await db().recoveryCode.count({ where: { userId: user.userId, usedAt: null } });
    return { state: 'on', enabledAt: user.totpEnabledAt, recoveryCodesLeft };
  }
  if (!user.totpSecretEncrypted || !user.totpKeyId) return { state: 'off' };
  const secret = openTotpSecret(user.userId, user.totpSecretEncrypted, user.totpKeyId);
  // Rendered on the server as a data: URL image: no script, and the secret
  // never goes to a third-party QR service.
  const qrDataUrl = await QRCode.toDataURL(otpauthUri(issuer, user.email, secret), {
    margin: 1,
    width: 200,
    errorCorrectionLevel: 'M',
  });
  return { state: 'pending', secret, qrDataUrl };
}
