import { Foundations } from '@/components/landing/foundations';
import { Hero } from '@/components/landing/hero';
import { Products } from '@/components/landing/products';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export default function HomePage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className="flex-1">
        <Hero />
        <Products />
        <Foundations />
      </main>
      <SiteFooter />
    </div>
  );
}
