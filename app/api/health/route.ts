import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health/check-health';

// Every request must probe the live dependencies; a cached answer would hide an outage.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<NextResponse> {
  const { httpStatus, report } = await checkHealth();
  return NextResponse.json(report, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } });
}
