import { unknownRoute } from '@/lib/api/route';

/** Any /v1 path we do not implement: Stripe's 404 `route_missing`, in Stripe's error shape. */
export const GET = unknownRoute;
export const POST = unknownRoute;
export const DELETE = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
