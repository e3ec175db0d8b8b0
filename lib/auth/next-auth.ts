import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { appUrl, env } from '@/lib/env';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { log } from '@/lib/log';
import { SignInError } from './errors';
import { contextFromHeaders } from './request-context';
import { revokeSession } from './sessions';
import { signInWithPassword } from './sign-in';

/**
 * next-auth carries the session id in its signed, encrypted cookie; the session
 * itself lives in Redis (lib/auth/sessions.ts) and is checked on every request,
 * so revoking it there signs the browser out at once. The cookie's own lifetime
 * matches the session's 24 h absolute limit.
 */
const secure = appUrl().startsWith('https://');

declare module 'next-auth' {
  interface User {
    sid: string;
  }
  interface Session {
    sid?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

export const SESSION_COOKIE = secure ? '__Host-session' : 'session';

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 24 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  useSecureCookies: secure,
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
    },
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Authentication code', type: 'text' },
      },
      async authorize(credentials, req) {
        const context = contextFromHeaders(new Headers(req.headers as Record<string, string>));
        try {
          const { user, session } = await signInWithPassword(
            { email: credentials?.email ?? '', password: credentials?.password ?? '', code: credentials?.code },
            context,
          );
          return { id: user.userId, email: user.email, name: user.name, sid: session.id };
        } catch (err) {
          // next-auth hands the message to the sign-in page as its error code.
          if (err instanceof SignInError) throw new Error(err.code);
          throw new Error('unavailable');
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token.sid && token.sub) {
        // The cookie is cleared regardless; a Redis outage only delays the key's
        // expiry, and the session can no longer be presented by this browser.
        await revokeSession(token.sub, token.sid).catch((err: unknown) =>
          log.warn('sign-out could not revoke the session in Redis', { err }),
        );
        await recordAuditEvent({ action: 'user.sign_out', outcome: 'success', actorUserId: token.sub, actorEmail: token.email ?? null });
      }
    },
  },
};
