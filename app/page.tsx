import { Foundations } from '@/components/landing/foundations';
import { Hero } from '@/components/landing/hero';
import { Products } from '@/components/landing/products';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export default function HomePage() {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-10 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <SiteHeader />
      <main id="main">
        <Hero />
        <Products />
        <Foundations />
      </main>
      <SiteFooter />
    </>
  );
}
